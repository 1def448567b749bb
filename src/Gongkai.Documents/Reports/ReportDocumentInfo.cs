using Gongkai.Core.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>
/// What a report document prints around the figures: the title, the introduction paragraph (legal basis, the six
/// parts, the statistics period — common practice, not part of the national format) and an optional closing note.
/// </summary>
/// <param name="Title">The document title, e.g. 包头市昆都仑区人民政府2024年政府信息公开工作年度报告.</param>
/// <param name="Introduction">The paragraph between the title and 一、总体情况; null prints none. Newlines start new paragraphs.</param>
/// <param name="Footnote">A note printed after 六、其他需要报告的事项 (e.g. where the electronic version is); null prints none.</param>
public sealed record ReportDocumentInfo(string Title, string? Introduction = null, string? Footnote = null)
{
    /// <summary>The usual title <c>{Agency}{Year}年政府信息公开工作年度报告</c> and the usual introduction for the report's format.</summary>
    public static ReportDocumentInfo For(AnnualReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var year = r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var basis = r.Format == ReportFormat.V2019
            ? "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）"
            : "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）";
        var introduction =
            $"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{basis}要求编制。"
            + "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
            + $"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。";
        return new ReportDocumentInfo($"{r.Agency}{year}年政府信息公开工作年度报告", introduction);
    }
}
