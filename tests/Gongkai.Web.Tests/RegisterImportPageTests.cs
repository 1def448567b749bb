using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongkai.Web.Tests;

/// <summary>
/// 导入台账 in the back office: a good register imports every case and says how many and for which years; a broken row
/// is shown with its row number and nothing is imported; other files are refused in Chinese; a double submit imports
/// once; staff without an importing role are refused.
/// </summary>
public sealed partial class RegisterImportPageTests : IAsyncLifetime
{
    private const string Page = "/Admin/Applications/ImportRegister";
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_good_register_imports_every_case_and_the_summary_names_the_count_and_years_with_a_link_to_the_list()
    {
        var (xlsx, rows) = await RegisterAsync();
        var before = await CountAsync();
        using var office = await _host.SignInAsync("gkb");
        var list = await office.GetStringAsync("/Admin/Applications");
        Assert.Contains($"href=\"{Page}\"", list, StringComparison.Ordinal);

        var response = await PostAsync(office, await office.GetStringAsync(Page), xlsx, "2026年台账.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + rows, await CountAsync());
        var summary = await office.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains($"共导入 {rows} 件申请，收到年度：2026 年", summary, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Admin/Applications\">查看申请列表</a>", summary, StringComparison.Ordinal);
        var imported = await QueryAsync(db => db.ApplicationEvents.CountAsync(e => e.Kind == ImportCaseRegister.ImportedKind && e.Summary.Contains("2026年台账.xlsx")));
        Assert.Equal(rows, imported);

        // The summary is shown once; the page then offers a fresh form.
        Assert.DoesNotContain("共导入", await office.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_describes_every_column_and_offers_a_blank_template()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var page = await clerk.GetStringAsync(Page);
        foreach (var column in CaseRegisterLayout.Columns)
        {
            Assert.Contains($"<th scope=\"row\">{column}</th>", page, StringComparison.Ordinal);
        }

        var template = await clerk.GetAsync(new Uri(Page + "?handler=Template", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(ImportRegisterPageContentType, template.Content.Headers.ContentType?.MediaType);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal([CaseRegisterLayout.Sheet, "填写说明"], MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        var sheet = new MemoryStream(bytes).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(CaseRegisterLayout.Columns, Assert.Single(sheet).Values);
    }

    [Fact]
    public async Task Broken_rows_are_listed_with_their_row_numbers_and_nothing_is_imported()
    {
        var (xlsx, _) = await RegisterAsync(rows =>
        {
            rows[1]["到达日期"] = "2026-02-30";
            rows[3]["申请人类型"] = "个人";
        });
        var before = await CountAsync();
        using var office = await _host.SignInAsync("gkb");
        var response = await PostAsync(office, await office.GetStringAsync(Page), xlsx, "有错的台账.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("“有错的台账.xlsx”有 2 行有错误，未导入任何申请", html, StringComparison.Ordinal);
        var errors = ErrorRows().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(["3", "5"], errors.Select(e => e.Item1));
        Assert.Contains("到达日期“2026-02-30”不是有效日期", errors[0].Item2, StringComparison.Ordinal);
        Assert.Contains("申请人类型“个人”无效", errors[1].Item2, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Files_that_are_not_a_register_workbook_are_refused_in_chinese_and_nothing_is_imported()
    {
        var before = await CountAsync();
        using var clerk = await _host.SignInAsync("jyj-cb");
        var page = await clerk.GetStringAsync(Page);

        var text = await PostAsync(clerk, page, "受理编号,申请人\n1,张三\n"u8.ToArray(), "台账.csv");
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("“台账.csv”不是 Excel 工作簿（.xlsx），未导入任何数据", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var renamed = await PostAsync(clerk, page, "这不是表格"u8.ToArray(), "台账.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains("无法读取该文件：请上传 Excel 工作簿（.xlsx）", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var other = new MemoryStream();
        other.SaveAs(new[] { new Dictionary<string, object> { ["机构名称"] = "某局" } });
        var wrongLayout = await PostAsync(clerk, page, other.ToArray(), "机构.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, wrongLayout.StatusCode);
        Assert.Contains("表头缺少：受理编号", await wrongLayout.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var large = await PostAsync(clerk, page, new byte[(10 * 1024 * 1024) + 1], "很大的台账.xlsx");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("文件超过 10 MB，未导入任何数据", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var none = await PostAsync(clerk, page, [], string.Empty);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请选择要导入的台账文件", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_double_submit_imports_once_and_both_answers_show_the_same_result()
    {
        var (xlsx, rows) = await RegisterAsync();
        var before = await CountAsync();
        using var office = await _host.SignInAsync("gkb");
        var page = await office.GetStringAsync(Page);

        // Two posts of the same form, as from a double click: they race, one imports, the other finds its result.
        var both = await Task.WhenAll(PostAsync(office, page, xlsx, "台账.xlsx"), PostAsync(office, page, xlsx, "台账.xlsx"));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(before + rows, await CountAsync());

        // Sent again later (the browser's back button and 导入 once more): nothing new, and the page says so.
        var again = await PostAsync(office, page, xlsx, "台账.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var summary = await office.GetStringAsync(again.Headers.Location!.ToString());
        Assert.Contains($"该文件此前已经导入（重复提交不会再次导入）：共 {rows} 件申请", summary, StringComparison.Ordinal);
        Assert.Equal(before + rows, await CountAsync());

        // The same file from a freshly opened form is a new import: every 受理编号 already exists.
        var fresh = await PostAsync(office, await office.GetStringAsync(Page), xlsx, "台账.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, fresh.StatusCode);
        Assert.Contains("已存在", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + rows, await CountAsync());
    }

    [Theory]
    [InlineData("jyj-sh")]
    [InlineData("fabu")]
    public async Task Staff_without_an_importing_role_are_refused_and_nothing_is_imported(string userName)
    {
        var (xlsx, _) = await RegisterAsync();
        var before = await CountAsync();
        using var client = await _host.SignInAsync(userName);
        var get = await client.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("没有权限", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Posting with a form taken from a page the account may open is refused the same way.
        var token = await WebHost.TokenAsync(client, "/Admin");
        using var content = Form(token, "0123456789abcdef0123456789abcdef", xlsx, "台账.xlsx");
        var post = await client.PostAsync(new Uri(Page, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await CountAsync());
        if (userName == "jyj-sh")
        {
            Assert.DoesNotContain($"href=\"{Page}\"", await client.GetStringAsync("/Admin/Applications"), StringComparison.Ordinal);
        }
    }

    private const string ImportRegisterPageContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The demo's 2026 register with full personal data, each 受理编号 made new so that it can be imported next to the originals.</summary>
    private async Task<(byte[] Xlsx, int Rows)> RegisterAsync(Action<List<Dictionary<string, object?>>>? change = null)
    {
        byte[] export;
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试");
            export = await scope.ServiceProvider.GetRequiredService<ExportCaseRegister>().ExecuteAsync(2026, fullPersonalData: true);
        }

        var rows = new MemoryStream(export).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
        Assert.True(rows.Count >= 5, $"the demo register has {rows.Count} rows");
        foreach (var r in rows)
        {
            r["受理编号"] = "历史-" + r["受理编号"];
        }

        change?.Invoke(rows);
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: CaseRegisterLayout.Sheet);
        return (stream.ToArray(), rows.Count);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, byte[] file, string fileName)
    {
        using var content = Form(WebHost.Antiforgery(page), FormKey().Match(page).Groups[1].Value, file, fileName);
        return await client.PostAsync(new Uri(Page, UriKind.Relative), content);
    }

    private static MultipartFormDataContent Form(string token, string formKey, byte[] file, string fileName)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(formKey), "FormKey" },
        };
        var part = new ByteArrayContent(file);
        if (fileName.Length == 0)
        {
            // What a browser sends when no file was chosen: an empty part.
            content.Add(part, "file");
            return content;
        }

        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? ImportRegisterPageContentType : "text/csv");
        content.Add(part, "file", fileName);
        return content;
    }

    private Task<int> CountAsync() => QueryAsync(db => db.Applications.CountAsync());

    private Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query) => _host.QueryAsync(query);

    [GeneratedRegex("<input type=\"hidden\" name=\"FormKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormKey();

    [GeneratedRegex("<tr><th scope=\"row\">第 (\\d+) 行</th><td>([^<]*)</td></tr>")]
    private static partial Regex ErrorRows();
}
