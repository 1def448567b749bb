using System.Globalization;
using Gongkai.Core.Reports;
using Gongkai.Data.Agencies;

namespace Gongkai.UseCases.Reports;

/// <summary>
/// The first draft of a written report: the introduction and the narrative sections 一, 五, 六 laid out in the usual
/// sub-headings, with the sentences that quote figures from the records already written (the author completes and
/// rewrites the rest). A figure that was not entered is left out rather than guessed.
/// </summary>
public static class ReportDrafts
{
    public static string Introduction(AgencyRecord agency, int year)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var text = $"本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。";
        if (!string.IsNullOrWhiteSpace(agency.OfficeWebsite))
        {
            text += $"本报告电子版可在{agency.OfficeWebsite.Trim()}下载。";
        }

        var office = string.IsNullOrWhiteSpace(agency.OfficeName) ? agency.Name : agency.OfficeName.Trim();
        text += string.IsNullOrWhiteSpace(agency.OfficePhone)
            ? $"如对本报告有疑问，请与{office}联系。"
            : $"如对本报告有疑问，请与{office}联系（电话：{agency.OfficePhone.Trim()}）。";
        return text;
    }

    public static Dictionary<string, string> Sections(ComputedReport c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var who = c.AgencyName;
        var y = c.Year;
        var t3 = c.Table3;
        long Total(string row) => t3[row][Table3Layout.TotalColumn] ?? 0;
        var f = c.Figures;
        var published = f.ItemsPublished is { } items
            ? $"{y}年，{who}主动公开政府信息{N(items)}条" + (f.KeyAreaItems is { } key ? $"，其中重点领域信息{N(key)}条" + KeyAreaDetail(f) : string.Empty)
              + (f.PolicyInterpretations is { } pi ? $"；发布政策解读{N(pi)}篇" : string.Empty) + "。"
            : string.Empty;
        var applications = $"{y}年，{who}新收政府信息公开申请{Total(Table3Computation.NewReceived)}件，上年结转{Total(Table3Computation.CarriedOver)}件；本年办结{Total(Table3Computation.TotalProcessed)}件，{Total(Table3Computation.CarriedForward)}件结转下年度继续办理。";
        var platform = f.NewMediaAccounts is { } accounts
            ? $"{who}共有政务新媒体账号{N(accounts)}个" + (f.NewMediaPosts is { } posts ? $"，全年发布信息{N(posts)}条" : string.Empty) + "。"
            : string.Empty;
        var reviews = c.Table4.Cells;
        var reviewTotal = (reviews[4] ?? 0) + (reviews[9] ?? 0) + (reviews[14] ?? 0);
        var one = string.Join('\n',
            "（一）主动公开情况",
            published,
            "（二）依申请公开情况",
            applications + (reviewTotal == 0 ? "本年度未发生政府信息公开行政复议、行政诉讼案件。" : $"本年度涉及政府信息公开的行政复议、行政诉讼案件共{reviewTotal}件。"),
            "（三）政府信息管理情况",
            string.Empty,
            "（四）政府信息公开平台建设情况",
            platform,
            "（五）监督保障情况",
            string.Empty);
        var six = f.FeeApplications == 0
            ? $"{y}年，{who}未收取信息处理费。"
            : $"{y}年，{who}依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）对{f.FeeApplications}件申请收取信息处理费，共计{N(f.FeesYuan)}元。";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["一"] = one,
            ["五"] = "（一）存在的主要问题\n\n（二）改进情况\n",
            ["六"] = six,
        };
    }

    /// <summary>“（政策文件31条、建议提案办理27条…）” for the sub-figures counted from the catalogue (those above zero).</summary>
    private static string KeyAreaDetail(NarrativeFigures f)
    {
        var parts = NarrativeFigures.KeyAreaFigureCodes.Select(c => (c.Name, N: f.KeyAreaFigure(c.Code))).Where(p => p.N > 0).Select(p => $"{p.Name}{N(p.N!.Value)}条").ToList();
        return parts.Count == 0 ? string.Empty : $"（{string.Join('、', parts)}）";
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
