using System.Security.Claims;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Fills the request's <see cref="StaffContext"/> (and so the audit actor) from the signed-in account: its roles and
/// agencies are read from the database on every request, so a change by an administrator applies at once; the
/// agency acted for is the one chosen in the agency switcher (a cookie), if the account still belongs to it.
/// </summary>
public sealed class StaffMiddleware(RequestDelegate next)
{
    public const string ActingAgencyCookie = "gongkai.agency";
    public const string AgencyHeader = "X-Gongkai-Agency";

    public async Task InvokeAsync(HttpContext context, StaffContext staff, ApplicantContext applicant, AuditContext audit, GongkaiDbContext db)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated == true && userId is not null)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.DisplayName, u.IsApplicant }).SingleOrDefaultAsync(context.RequestAborted);
            if (user is { IsApplicant: true })
            {
                // An applicant account: no roles, no agencies, never a staff context.
                applicant.Set(userId, user.DisplayName);
                audit.SetActor($"申请人（{user.UserName}）", userId);
            }
            else if (user is not null)
            {
                var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync(context.RequestAborted);
                var memberships = await db.AgencyMemberships.Where(m => m.UserId == userId).Select(m => m.AgencyId).ToListAsync(context.RequestAborted);
                var tree = await AgencyTree.LoadAsync(db, context.RequestAborted);
                // The agency acted for: the switcher's cookie in the back office, the X-Gongkai-Agency header in the API.
                var requested = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? context.Request.Headers[AgencyHeader].ToString() : context.Request.Cookies[ActingAgencyCookie];
                var chosen = int.TryParse(requested, out var c) && memberships.Contains(c) ? c : (int?)null;
                var acting = chosen ?? tree.Ordered.Select(n => (int?)n.Id).FirstOrDefault(id => memberships.Contains(id!.Value));
                staff.SetStaff(userId, user.UserName ?? userId, user.DisplayName, roles, acting, tree);
                context.Items[nameof(StaffMemberships)] = new StaffMemberships(memberships.Select(m => tree.Find(m)).OfType<AgencyNode>().ToList());
            }
        }
        else
        {
            audit.SetActor("公众（" + (context.Connection.RemoteIpAddress?.ToString() ?? "未知地址") + "）");
        }

        await next(context);
    }
}

/// <summary>The agencies the signed-in account acts for (for the agency switcher).</summary>
public sealed record StaffMemberships(IReadOnlyList<AgencyNode> Agencies)
{
    public static StaffMemberships Of(HttpContext context) =>
        context?.Items[nameof(StaffMemberships)] as StaffMemberships ?? new StaffMemberships([]);
}

/// <summary>The authorization policies of the back office; every page and endpoint declares one (or AllowAnonymous).</summary>
public static class Policies
{
    /// <summary>Any signed-in account (signing out).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Any signed-in staff member with at least one role.</summary>
    public const string Staff = "Staff";

    /// <summary>系统管理员.</summary>
    public const string SystemAdministrator = "SystemAdministrator";

    /// <summary>系统管理员 or 政务公开办: those who look over other units' work (audit history, agency list).</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>A member of the public signed in with an applicant account (我的申请).</summary>
    public const string Applicant = "Applicant";

    /// <summary>Those who handle applications (依申请公开): 承办人, 审核人, 工作机构负责人, 政务公开办, 系统管理员 — not 发布员.</summary>
    public const string CaseHandler = "CaseHandler";

    /// <summary>Those who may import a 台账 (<see cref="UseCases.Cases.ImportCaseRegister.AllowedRoles"/>): 承办人, 工作机构负责人, 政务公开办, 系统管理员.</summary>
    public const string RegisterImporter = "RegisterImporter";

    /// <summary>Those who work on cases with the applicants' personal data (the 交寄清单): 承办人, 审核人, 工作机构负责人, 政务公开办 — not 系统管理员 (<see cref="UseCases.Cases.GetMailingList.AllowedRoles"/>).</summary>
    public const string CaseWorker = "CaseWorker";

    /// <summary>The roles of <see cref="CaseHandler"/>.</summary>
    public static IReadOnlyList<string> CaseHandlerRoles { get; } = [Roles.Clerk, Roles.Reviewer, Roles.OfficeHead, Roles.DisclosureOffice, Roles.SystemAdministrator];

    /// <summary>Those who handle 行政复议 and 行政诉讼 cases: 承办人, 审核人, 工作机构负责人, 政务公开办.</summary>
    public const string ReviewHandler = "ReviewHandler";

    /// <summary>Those who work on annual reports: the writers (承办人, 工作机构负责人), the 政务公开办 that reviews them, 发布员 and 系统管理员.</summary>
    public const string ReportUser = "ReportUser";

    /// <summary>The roles of <see cref="ReportUser"/>.</summary>
    public static IReadOnlyList<string> ReportUserRoles { get; } = [.. UseCases.Reports.ReportRules.AuthorRoles, Roles.Publisher, Roles.SystemAdministrator];

    /// <summary>Those who keep the normative-document register (<see cref="UseCases.Publishing.NormativeDocumentRegisterRules.Roles"/>).</summary>
    public const string RegisterKeeper = "RegisterKeeper";

    /// <summary>Those who work on catalogue items (公开信息): 承办人, 审核人, 发布员, 工作机构负责人, 政务公开办 (<see cref="UseCases.Publishing.CatalogueRules.StaffRoles"/>).</summary>
    public const string CatalogueUser = "CatalogueUser";

    /// <summary>
    /// Those who handle 网站找错 tickets: the 政务公开办 and 系统管理员 acting for a top-level agency (the government
    /// that runs the portal; <see cref="UseCases.Portal.SiteErrorReportRules"/>).
    /// </summary>
    public const string SiteErrorHandler = "SiteErrorHandler";

    /// <summary>Whether the request's staff member handles 网站找错 tickets (<see cref="SiteErrorHandler"/>).</summary>
    public static bool HandlesSiteErrors(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var staff = context.RequestServices.GetRequiredService<StaffContext>();
        return UseCases.Portal.SiteErrorReportRules.Roles.Any(staff.IsInRole)
            && StaffMemberships.Of(context).Agencies.Any(a => a.Id == staff.ActingAgencyId && a.ParentId is null);
    }

    /// <summary>The roles of <see cref="ReviewHandler"/> (those of the review use cases).</summary>
    public static IReadOnlyList<string> ReviewHandlerRoles => UseCases.Cases.ListReviewCases.Roles;
}
