using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Reports;
using Gongkai.Data;
using Gongkai.Data.Reports;
using Gongkai.Reports.Import;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Pages.Baogao;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// The published reports of a small district, written through the workflow as the operator: 区教育局's 2025 report
/// published and then corrected (its first edition replaced), 区民政局's 2024 and 2025 reports, and 区财政局's 2025
/// report still a draft. No PDF printer (the configured Chromium does not exist).
/// </summary>
public sealed class PublishedReportsFixture : IAsyncLifetime
{
    public const string Education = "包头市昆都仑区教育局";
    public const string CivilAffairs = "包头市昆都仑区民政局";
    public const string Finance = "包头市昆都仑区财政局";
    public const string Hostile = "<script>alert(1)</script>";
    public const string CorrectionReason = "更正第三部分的表述";

    private static readonly ReportText Text = new(null, "（一）主动公开情况\n本机关主动公开了招生入学政策。", "（一）存在的主要问题\n政策解读还不够通俗。", "未收取信息处理费。");

    public WebHost Host { get; private set; } = null!;

    public int EducationAgency { get; private set; }

    public int EducationFirst { get; private set; }

    public int EducationSecond { get; private set; }

    public int Civil2024 { get; private set; }

    public int Civil2025 { get; private set; }

    public int Draft { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await WebHost.StartAsync(demo: true, settings: new Dictionary<string, string?>
        {
            ["Gongkai:Demo:Applications"] = "false",
            ["Gongkai:Pdf:Chromium"] = "/nonexistent/chromium",
        });
        EducationAgency = await QueryAsync(db => db.Agencies.Where(a => a.Name == Education).Select(a => a.Id).SingleAsync());
        EducationFirst = await PublishAsync(Education, 2025, Text with { General = "（一）主动公开情况\n" + Hostile + "本机关主动公开了招生入学政策。" }, new DateOnly(2026, 1, 20));
        var corrected = await UseCase<CorrectAnnualReport, int>(u => u.ExecuteAsync(EducationFirst, CorrectionReason));
        EducationSecond = await PublishAsync(corrected, Text with { General = "（一）主动公开情况\n" + Hostile + "本机关主动公开了招生入学政策和学区划分方案。" }, new DateOnly(2026, 3, 2));
        Civil2024 = await PublishAsync(CivilAffairs, 2024, Text, new DateOnly(2025, 1, 24));
        Civil2025 = await PublishAsync(CivilAffairs, 2025, Text, new DateOnly(2026, 1, 25));
        var finance = await QueryAsync(db => db.Agencies.Where(a => a.Name == Finance).Select(a => a.Id).SingleAsync());
        Draft = await UseCase<OpenAnnualReport, int>(u => u.ExecuteAsync(finance, 2025));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query) => Host.QueryAsync(query);

    /// <summary>The report as stored (its tables), for comparing with what the documents read back.</summary>
    public Task<AnnualReport> StoredAsync(int id) => QueryAsync(async db => ReportJson.Read(await db.AnnualReports.Where(r => r.Id == id).Select(r => r.Content).SingleAsync()));

    private async Task<int> PublishAsync(string agency, int year, ReportText text, DateOnly on)
    {
        var agencyId = await QueryAsync(db => db.Agencies.Where(a => a.Name == agency).Select(a => a.Id).SingleAsync());
        return await PublishAsync(await UseCase<OpenAnnualReport, int>(u => u.ExecuteAsync(agencyId, year)), text, on);
    }

    /// <summary>Drives a draft through 保存 → 提交 → 审核通过 → 发布 as the operator.</summary>
    private async Task<int> PublishAsync(int id, ReportText text, DateOnly on)
    {
        var v = await QueryAsync(db => db.AnnualReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        v = await UseCase<SaveAnnualReportDraft, int>(u => u.ExecuteAsync(id, text, v));
        v = await UseCase<SubmitAnnualReport, int>(u => u.ExecuteAsync(id, v));
        v = await UseCase<AcceptAnnualReport, int>(u => u.ExecuteAsync(id, null, v));
        await UseCase<PublishAnnualReport, int>(u => u.ExecuteAsync(id, v, on));
        return id;
    }

    private Task<T> UseCase<TUseCase, T>(Func<TUseCase, Task<T>> work)
        where TUseCase : notnull => Host.AsOperatorAsync(work);
}

/// <summary>政府信息公开工作年度报告 on the portal: the list, its filters, one report, its documents and its style sheet.</summary>
public sealed partial class PublicReportPagesTests(PublishedReportsFixture data) : IClassFixture<PublishedReportsFixture>
{
    private HttpClient Client => data.Host.Client;

    private static string Href(int id) => $"href=\"/Baogao/{id}\"";

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_list_shows_the_current_edition_of_each_published_report_newest_year_first_and_no_draft()
    {
        var (response, html) = await GetAsync("/Baogao");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(H1().Matches(html));
        Assert.Contains("<label for=\"year\">年度</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"agency\">发布机关</label>", html, StringComparison.Ordinal);
        Assert.Contains(Href(data.EducationSecond), html, StringComparison.Ordinal);
        Assert.Contains(Href(data.Civil2025), html, StringComparison.Ordinal);
        Assert.Contains(Href(data.Civil2024), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Href(data.EducationFirst), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Href(data.Draft), html, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishedReportsFixture.Finance, html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "data-testid=\"report-row\"").Count);
        Assert.Single(Regex.Matches(html, "data-testid=\"corrected\">已更正<"));
        Assert.True(html.IndexOf("2025年度</h2>", StringComparison.Ordinal) < html.IndexOf("2024年度</h2>", StringComparison.Ordinal));
        Assert.Contains("2026年1月25日", html, StringComparison.Ordinal);
        Assert.Contains("2026年3月2日", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"pager\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Baogao\">年度报告</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_is_filtered_by_year_and_by_agency_and_says_so_when_nothing_matches()
    {
        var (_, byYear) = await GetAsync("/Baogao?year=2024");
        Assert.Contains(Href(data.Civil2024), byYear, StringComparison.Ordinal);
        Assert.DoesNotContain(Href(data.Civil2025), byYear, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2024\" selected=\"selected\">", byYear, StringComparison.Ordinal);

        var (_, byAgency) = await GetAsync($"/Baogao?year=&agency={data.EducationAgency}");
        Assert.Contains(Href(data.EducationSecond), byAgency, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(byAgency, "data-testid=\"report-row\""));

        var (response, none) = await GetAsync($"/Baogao?year=2024&agency={data.EducationAgency}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("没有符合筛选条件的年度报告", none, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Baogao\">清除筛选条件</a>", none, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"report-row\"", none, StringComparison.Ordinal);

        // A malformed filter is ignored rather than refused.
        var (bad, all) = await GetAsync("/Baogao?year=abc");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(3, Regex.Matches(all, "data-testid=\"report-row\"").Count);
    }

    [Fact]
    public async Task The_report_page_shows_the_report_with_its_tables_and_text_under_a_strict_policy()
    {
        var (response, html) = await GetAsync($"/Baogao/{data.Civil2025}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(H1().Matches(html));
        Assert.Contains("<h1>包头市昆都仑区民政局2025年政府信息公开工作年度报告</h1>", html, StringComparison.Ordinal);
        Assert.Contains("2026年1月25日", html, StringComparison.Ordinal);
        Assert.Contains("<article class=\"gk-report\"", html, StringComparison.Ordinal);
        Assert.Contains("gk-table-三", html, StringComparison.Ordinal);
        Assert.Contains("<td>0</td>", html, StringComparison.Ordinal);
        Assert.Contains("本机关主动公开了招生入学政策。", html, StringComparison.Ordinal);
        Assert.Contains("政策解读还不够通俗。", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{ReportStylesheet.Href}\">", html, StringComparison.Ordinal);
        foreach (var format in new[] { "html", "docx", "pdf", "xlsx", "json" })
        {
            Assert.Contains($"href=\"/Baogao/{data.Civil2025}/{format}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"correction-notice\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"superseded-notice\"", html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_in_a_section_is_shown_as_text()
    {
        var (_, html) = await GetAsync($"/Baogao/{data.EducationSecond}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;本机关主动公开了招生入学政策和学区划分方案。", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishedReportsFixture.Hostile, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrected_report_names_its_correction_and_links_the_earlier_edition_which_points_to_the_correction()
    {
        var (_, html) = await GetAsync($"/Baogao/{data.EducationSecond}");
        Assert.Contains("（第 2 版）</h1>", html, StringComparison.Ordinal);
        Assert.Contains("本报告已于 2026年3月2日 更正（第 2 版），更正原因：" + PublishedReportsFixture.CorrectionReason, html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Baogao/{data.EducationFirst}\" data-testid=\"earlier-edition\">第 1 版（2026年1月20日发布）</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"superseded-notice\"", html, StringComparison.Ordinal);

        var (response, old) = await GetAsync($"/Baogao/{data.EducationFirst}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"superseded-notice\"", old, StringComparison.Ordinal);
        Assert.Contains("本版本已被更正，不再有效。", old, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Baogao/{data.EducationSecond}\" data-testid=\"current-edition\">", old, StringComparison.Ordinal);
        Assert.True(old.IndexOf("superseded-notice", StringComparison.Ordinal) < old.IndexOf("<article", StringComparison.Ordinal));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;本机关主动公开了招生入学政策。", old, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_unknown_reports_and_unknown_formats_are_not_found()
    {
        foreach (var path in new[]
        {
            $"/Baogao/{data.Draft}", $"/Baogao/{data.Draft}/docx", "/Baogao/999999", "/Baogao/999999/html",
            $"/Baogao/{data.Civil2025}/exe", $"/Baogao/{data.Civil2025}/original", $"/Baogao/{data.Civil2025}/Index",
        })
        {
            var (response, html) = await GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
            Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_stylesheet_is_served_as_css_and_kept_by_browsers()
    {
        var response = await Client.GetAsync(new Uri(ReportStylesheet.Href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var css = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(Documents.Reports.ReportHtmlWriter.Stylesheet, css, StringComparison.Ordinal);
        Assert.Contains(".report-frame", css, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        var unversioned = await Client.GetAsync(new Uri(ReportStylesheet.Path, UriKind.Relative));
        Assert.Equal("text/css", unversioned.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=86400", unversioned.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documents_download_with_their_types_and_names_and_the_word_file_reads_back_the_same_table_three()
    {
        const string name = "包头市昆都仑区民政局2025年政府信息公开工作年度报告";
        var docx = await Client.GetAsync(new Uri($"/Baogao/{data.Civil2025}/docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", docx.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name + ".docx", docx.Content.Headers.ContentDisposition?.FileNameStar);
        var read = ReportFileImporter.Import(await docx.Content.ReadAsByteArrayAsync(), "report.docx").Report;
        var stored = await data.StoredAsync(data.Civil2025);
        Assert.All(stored.Table3.Rows, r => Assert.Equal(stored.Table3[r.Key], read.Table3[r.Key]));

        var xlsx = await Client.GetAsync(new Uri($"/Baogao/{data.Civil2025}/xlsx", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(name + ".xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);

        var json = await Client.GetAsync(new Uri($"/Baogao/{data.Civil2025}/json", UriKind.Relative));
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(stored.Table3["new_received"], ReportJson.Read(await json.Content.ReadAsStringAsync()).Table3["new_received"]);

        // A corrected edition is named as such.
        var second = await Client.GetAsync(new Uri($"/Baogao/{data.EducationSecond}/docx", UriKind.Relative));
        Assert.Equal("包头市昆都仑区教育局2025年政府信息公开工作年度报告（第2版）.docx", second.Content.Headers.ContentDisposition?.FileNameStar);

        // 网页 is shown in the browser, self-contained, under the letters' policy: nothing loaded, nothing run.
        var html = await Client.GetAsync(new Uri($"/Baogao/{data.Civil2025}/html", UriKind.Relative));
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", html.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name + ".html", html.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Infrastructure.SecurityHeadersMiddleware.LetterPolicy, html.Headers.GetValues("Content-Security-Policy").Single());
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<h1>" + name + "</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_chromium_the_pdf_is_refused_with_the_packages_to_install_and_word_still_downloads()
    {
        var (response, html) = await GetAsync($"/Baogao/{data.Civil2025}/pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("data-testid=\"download-error\"", html, StringComparison.Ordinal);
        Assert.Contains("PDF 版本暂时无法生成", html, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium fonts-wqy-zenhei", html, StringComparison.Ordinal);
        Assert.Contains("gk-table-三", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Baogao/{data.Civil2025}/docx\"", html, StringComparison.Ordinal);

        var docx = await Client.GetAsync(new Uri($"/Baogao/{data.Civil2025}/docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}

/// <summary>The list's empty state and its pages, each on its own database.</summary>
public sealed class PublicReportListTests
{
    [Fact]
    public async Task Before_anything_is_published_the_list_says_so_without_filters()
    {
        await using var host = await WebHost.StartAsync(demo: false);
        var response = await host.Client.GetAsync(new Uri("/Baogao", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("暂无已发布的年度报告", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"get\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_fifty_reports_are_shown_fifty_to_a_page_keeping_the_filters()
    {
        await using var host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var agencies = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).Take(4).ToListAsync();
            var at = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
            foreach (var year in Enumerable.Range(2010, 15))
            {
                foreach (var agency in agencies)
                {
                    db.AnnualReports.Add(new AnnualReportRecord
                    {
                        AgencyId = agency,
                        Year = year,
                        Status = AnnualReportStatus.Published,
                        Source = AnnualReportSource.Written,
                        Content = ReportJson.Write(new AnnualReport(null, year, ReportFormat.V2021)),
                        Deadline = new DateOnly(year + 1, 1, 31),
                        CreatedAt = at,
                        CreatedBy = "测试",
                        UpdatedAt = at,
                        UpdatedBy = "测试",
                        PublishedAt = at,
                        PublishedOn = new DateOnly(year + 1, 1, 20),
                    });
                }
            }

            await db.SaveChangesAsync();
        }

        static int Rows(string html) => Regex.Matches(html, "data-testid=\"report-row\"").Count;
        var first = await host.Client.GetStringAsync(new Uri("/Baogao", UriKind.Relative));
        Assert.Equal(50, Rows(first));
        Assert.Contains("共 60 份年度报告，第 1 / 2 页", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Baogao?p=2\" rel=\"next\">下一页</a>", first, StringComparison.Ordinal);
        Assert.Contains("2024年度</h2>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("2011年度</h2>", first, StringComparison.Ordinal);

        var second = await host.Client.GetStringAsync(new Uri("/Baogao?p=2", UriKind.Relative));
        Assert.Equal(10, Rows(second));
        Assert.Contains("2010年度</h2>", second, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Baogao\" rel=\"prev\">上一页</a>", second, StringComparison.Ordinal);

        // Past the last page is the last page; a filter narrows the list to one page.
        Assert.Equal(10, Rows(await host.Client.GetStringAsync(new Uri("/Baogao?p=9", UriKind.Relative))));
        var filtered = await host.Client.GetStringAsync(new Uri("/Baogao?year=2015", UriKind.Relative));
        Assert.Equal(4, Rows(filtered));
        Assert.DoesNotContain("class=\"pager\"", filtered, StringComparison.Ordinal);
    }
}
