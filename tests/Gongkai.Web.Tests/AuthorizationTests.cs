using System.Net;
using Gongkai.Data.Accounts;
using Gongkai.UseCases.Demo;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// Who may reach what, proven from the outside: every route is discovered from the running app; each must declare a
/// policy or AllowAnonymous; each demo role then requests each back-office route directly, also with the ids of
/// records of another branch, and gets exactly what its roles allow.
/// </summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        _host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string? PolicyOf(Endpoint e) =>
        e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null && p != Policies.Staff)
        ?? e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);

    [Fact]
    public void Every_route_declares_a_policy_or_allows_anonymous_access_explicitly()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} endpoints discovered");
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && PolicyOf(e) is null)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName)
            .ToList();
        Assert.True(undeclared.Count == 0, "Routes without a declared policy: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_back_office_route_requires_a_signed_in_staff_member()
    {
        var admin = Endpoints().Where(e => (e.RoutePattern.RawText ?? string.Empty).StartsWith("Admin", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(admin);
        Assert.All(admin, e =>
        {
            Assert.Null(e.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == Policies.Staff);
        });
    }

    public static TheoryData<string> DemoUsers()
    {
        var data = new TheoryData<string>();
        foreach (var a in DemoAccounts.All)
        {
            data.Add(a.UserName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_role_gets_exactly_the_back_office_pages_its_roles_allow(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var roles = account.Roles.ToHashSet();
        using var client = await _host.SignInAsync(userName);
        var pages = Endpoints()
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? string.Empty), Policy: PolicyOf(e)))
            .Where(r => r.Route.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase) && !r.Route.Contains('{', StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains(pages, p => p.Route == "/Admin/Audit");
        Assert.Contains(pages, p => p.Route == "/Admin/Applications");
        Assert.Contains(pages, p => p.Route == "/Admin/Decisions");
        Assert.Contains(pages, p => p.Route == "/Admin/Reviews");

        foreach (var (route, policy) in pages)
        {
            var allowed = policy switch
            {
                Policies.Staff => true,
                Policies.SystemAdministrator => roles.Contains(Roles.SystemAdministrator),
                Policies.Supervisor => roles.Contains(Roles.SystemAdministrator) || roles.Contains(Roles.DisclosureOffice),
                Policies.CaseHandler => roles.Overlaps(Policies.CaseHandlerRoles),
                Policies.CaseWorker => roles.Overlaps(Gongkai.UseCases.Cases.GetMailingList.AllowedRoles),
                Policies.RegisterImporter => roles.Overlaps(Gongkai.UseCases.Cases.ImportCaseRegister.AllowedRoles),
                Policies.ReviewHandler => roles.Overlaps(Policies.ReviewHandlerRoles),
                Policies.ReportUser => roles.Overlaps(Policies.ReportUserRoles),
                Policies.RegisterKeeper => roles.Overlaps(Gongkai.UseCases.Publishing.NormativeDocumentRegisterRules.Roles),
                Policies.CatalogueUser => roles.Overlaps(Gongkai.UseCases.Publishing.CatalogueRules.StaffRoles),
                Policies.SiteErrorHandler => HandlesSiteErrors(account),
                _ => throw new InvalidOperationException($"{route}: unexpected policy {policy}"),
            };
            var response = await client.GetAsync(new Uri(route, UriKind.Relative));
            var expected = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{userName} {route} ({policy}): expected {expected}, got {response.StatusCode}");
            if (!allowed)
            {
                Assert.Contains("没有权限", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_branch_administrator_gets_404_for_agencies_and_accounts_of_another_branch()
    {
        int education;
        string educationClerk, ownClerk;
        int zhaotan;
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
            education = await db.Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
            zhaotan = await db.Agencies.Where(a => a.Name == "包头市昆都仑区沼潭街道办事处").Select(a => a.Id).SingleAsync();
            educationClerk = await db.Users.Where(u => u.UserName == "jyj-cb").Select(u => u.Id).SingleAsync();
            ownClerk = await db.Users.Where(u => u.UserName == "zt-cb").Select(u => u.Id).SingleAsync();
        }

        using var client = await _host.SignInAsync("zt-admin");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/Admin/Agencies/Edit?id={zhaotan}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/Admin/Agencies/Edit?id={education}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/Admin/Accounts/Edit?id={ownClerk}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/Admin/Accounts/Edit?id={educationClerk}", UriKind.Relative))).StatusCode);

        // Posting to another branch's record is refused the same way, and nothing changes.
        var token = await WebHost.TokenAsync(client, $"/Admin/Agencies/Edit?id={zhaotan}");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = education.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = "1",
            ["Name"] = "被篡改的名称",
            ["ShortName"] = "篡改",
            ["Kind"] = "Department",
            ["__RequestVerificationToken"] = token,
        });
        var post = await client.PostAsync(new Uri($"/Admin/Agencies/Edit?id={education}", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        var list = await client.GetStringAsync("/Admin/Agencies");
        Assert.Contains("沼潭街道", list, StringComparison.Ordinal);
        Assert.DoesNotContain("教育局", list, StringComparison.Ordinal);
        var accounts = await client.GetStringAsync("/Admin/Accounts");
        Assert.Contains("zt-cb", accounts, StringComparison.Ordinal);
        Assert.DoesNotContain("jyj-cb", accounts, StringComparison.Ordinal);
    }

    /// <summary>The back-office routes with a record id in them, each proven by a test below with real ids.</summary>
    private static readonly string[] RoutesWithIds = ["Admin/Applications/{id:long}", "Admin/Applications/{id:long}/Letter", "Admin/Applications/{id:long}/Receipt", "Admin/Reviews/{id:long}", "Admin/Reports/{id:int}", "Admin/Reports/{id:int}/Cell", "Admin/Register/{id:int}", "Admin/Catalogue/{id:int}", "Admin/Catalogue/{id:int}/Edit", "Admin/Catalogue/{id:int}/Print", "Admin/Zhaocuo/{id:int}"];

    [Fact]
    public void Every_back_office_route_with_an_id_is_checked_with_real_ids()
    {
        var withIds = Endpoints().Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(r => r.StartsWith("Admin", StringComparison.OrdinalIgnoreCase) && r.Contains('{', StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(RoutesWithIds.Order(StringComparer.Ordinal), withIds);
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_role_sees_an_application_only_when_it_handles_cases_of_an_agency_that_may_see_it(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        using var clerk = await _host.SignInAsync("jyj-cb");
        var created = await ApplicationPagesTests.RegisterAsync(clerk, "权限测试");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;

        // The district's supervisors and the education bureau's own staff see it; other branches get 404; 发布员 403.
        var handles = account.Roles.Any(r => Policies.CaseHandlerRoles.Contains(r));
        var seesEducation = account.Agencies.Contains(DemoAgencies.DistrictGovernment) || account.Agencies.Contains("包头市昆都仑区教育局");
        var expected = !handles ? HttpStatusCode.Forbidden : seesEducation ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        using var client = await _host.SignInAsync(userName);
        foreach (var route in RoutesWithIds.Where(r => r.StartsWith("Admin/Applications/", StringComparison.Ordinal)))
        {
            var url = path + route[(route.IndexOf('}', StringComparison.Ordinal) + 1)..];
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(expected == response.StatusCode, $"{userName} {url}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_role_sees_a_review_case_only_when_it_handles_reviews_of_an_agency_that_may_see_it(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var id = await ForEducationAsync(async (sp, education) => (await sp.GetRequiredService<Gongkai.UseCases.Cases.RegisterReviewCase>().ExecuteAsync(new Gongkai.UseCases.Cases.ReviewCaseInput
        {
            AgencyId = education,
            Kind = Gongkai.Core.Cases.ReviewKind.AdministrativeReview,
            ExternalNumber = "包昆复〔2026〕99号",
            Body = DemoAgencies.DistrictGovernment,
            Filed = new DateOnly(2026, 11, 2),
        })).Id);

        // The district's 政务公开办 and the education bureau's staff see it; other branches get 404; roles without review work 403.
        var seesEducation = (account.Agencies.Contains(DemoAgencies.DistrictGovernment) && account.Roles.Contains(Roles.DisclosureOffice)) || account.Agencies.Contains("包头市昆都仑区教育局");
        await ExpectAsync(account, Policies.ReviewHandlerRoles, seesEducation, RoutesWithIds.Where(r => r.StartsWith("Admin/Reviews/", StringComparison.Ordinal))
            .Select(r => "/" + r.Replace("{id:long}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_role_sees_a_units_annual_report_only_when_it_works_on_reports_of_an_agency_that_may_see_it(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var id = await ForEducationAsync((sp, education) => sp.GetRequiredService<Gongkai.UseCases.Reports.OpenAnnualReport>().ExecuteAsync(education, 2025));

        // The district's 政务公开办 and administrator and the education bureau's writers see it; other branches and a
        // 发布员 who sees only the district get 404; roles that do not work on reports 403.
        await ExpectAsync(account, Policies.ReportUserRoles, SupervisesOrWorksInEducation(account), RoutesWithIds.Where(r => r.StartsWith("Admin/Reports/", StringComparison.Ordinal))
            .Select(r => "/" + r.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + (r.EndsWith("Cell", StringComparison.Ordinal) ? "?row=granted&column=0" : string.Empty)));
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_role_sees_a_registered_document_only_when_it_keeps_the_register_of_an_agency_that_may_see_it(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var id = await ForEducationAsync((sp, education) => sp.GetRequiredService<Gongkai.UseCases.Publishing.RegisterNormativeDocument>().ExecuteAsync(new Gongkai.UseCases.Publishing.NormativeDocumentInput
        {
            AgencyId = education,
            Title = "权限测试文件",
            DocumentNumber = "昆教发〔2025〕" + userName + "号",
            Issued = new DateOnly(2025, 3, 1),
        }));
        await ExpectAsync(account, Gongkai.UseCases.Publishing.NormativeDocumentRegisterRules.Roles, SupervisesOrWorksInEducation(account), [$"/Admin/Register/{id}"]);
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_role_sees_a_catalogue_item_only_when_it_works_on_items_of_an_agency_that_may_see_it(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var id = await ForEducationAsync((sp, education) => sp.GetRequiredService<Gongkai.UseCases.Publishing.CreateCatalogueItem>().ExecuteAsync(new Gongkai.UseCases.Publishing.CatalogueItemInput
        {
            AgencyId = education,
            Title = "权限测试信息",
            Body = "正文。",
            Formed = new DateOnly(2026, 11, 20),
            Article20Item = 11,
        }));

        // The district's 政务公开办 and the education bureau's staff see it; other branches (and the district's 发布员,
        // who sees only the district) get 404; roles that do not work on items (系统管理员) 403.
        await ExpectAsync(account, Gongkai.UseCases.Publishing.CatalogueRules.StaffRoles, SupervisesOrWorksInEducation(account), RoutesWithIds.Where(r => r.StartsWith("Admin/Catalogue/", StringComparison.Ordinal))
            .Select(r => "/" + r.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_role_sees_a_site_error_ticket_only_when_it_handles_them_for_the_district(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        int id;
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<Gongkai.UseCases.Portal.SubmitSiteErrorReport>().ExecuteAsync(
                new Gongkai.UseCases.Portal.SiteErrorReportInput { PageUrl = "/Xinxi", Category = Gongkai.Data.Portal.SiteErrorCategory.Typo, Description = "权限测试：栏目名称有错别字。" }, null)).Id;
        }

        // Tickets are site-wide: the district's 政务公开办 and administrator see them; a 街道's administrator does not.
        var expected = HandlesSiteErrors(account) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        using var client = await _host.SignInAsync(userName);
        foreach (var url in RoutesWithIds.Where(r => r.StartsWith("Admin/Zhaocuo/", StringComparison.Ordinal)).Select(r => "/" + r.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(expected == response.StatusCode, $"{userName} {url}: expected {expected}, got {response.StatusCode}");
        }
    }

    /// <summary>The 政务公开办 or administrator of the district (the top agency, which runs the portal).</summary>
    private static bool HandlesSiteErrors(DemoAccounts.DemoAccount account) =>
        account.Agencies.Contains(DemoAgencies.DistrictGovernment) && account.Roles.Any(Gongkai.UseCases.Portal.SiteErrorReportRules.Roles.Contains);

    /// <summary>The district's 政务公开办 or administrator (who see every unit), or a member of the education bureau.</summary>
    private static bool SupervisesOrWorksInEducation(DemoAccounts.DemoAccount account) =>
        (account.Agencies.Contains(DemoAgencies.DistrictGovernment) && (account.Roles.Contains(Roles.DisclosureOffice) || account.Roles.Contains(Roles.SystemAdministrator))) || account.Agencies.Contains("包头市昆都仑区教育局");

    /// <summary>Creates a record of the education bureau as the operator and returns its id.</summary>
    private async Task<T> ForEducationAsync<T>(Func<IServiceProvider, int, Task<T>> create)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Gongkai.UseCases.Accounts.StaffContext>().SetOperator("测试");
        var education = await scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>().Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
        return await create(scope.ServiceProvider, education);
    }

    /// <summary>Each URL answers 403 without one of <paramref name="roles"/>, else 200 when the record is in view and 404 when not.</summary>
    private async Task ExpectAsync(DemoAccounts.DemoAccount account, IReadOnlyList<string> roles, bool sees, IEnumerable<string> urls)
    {
        var expected = !account.Roles.Any(roles.Contains) ? HttpStatusCode.Forbidden : sees ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        using var client = await _host.SignInAsync(account.UserName);
        foreach (var url in urls)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(expected == response.StatusCode, $"{account.UserName} {url}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_anonymous_request_for_any_back_office_page_goes_to_sign_in()
    {
        foreach (var route in new[] { "/Admin", "/Admin/Agencies", "/Admin/Accounts", "/Admin/Audit", "/Admin/Profile", "/Admin/Calendar", "/Admin/Applications", "/Admin/Applications/New", "/Admin/Applications/1", "/Admin/Applications/1/Receipt", "/Admin/Decisions", "/Admin/Reviews", "/Admin/Reviews/New", "/Admin/Reviews/1", "/Admin/Reports", "/Admin/Reports/1", "/Admin/Reports/Figures", "/Admin/Catalogue", "/Admin/Catalogue/New", "/Admin/Catalogue/1", "/Admin/Catalogue/1/Edit", "/Admin/Zhaocuo", "/Admin/Zhaocuo/1" })
        {
            var response = await _host.Client.GetAsync(new Uri(route, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
