using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;

namespace Gongkai.Core.Tests.Reports;

/// <summary>
/// Property: a consistent random report rendered into any of the messy text shapes reads back exactly — or, for
/// digits printed together, each row reads back exactly or is blank with the true row among the noted candidates.
/// Never a wrong number.
/// </summary>
public class ImportRoundTripPropertyTests
{
    private const int ReportsPerCase = 25;

    public static TheoryData<RenderStyle, ReportFormat> Cases()
    {
        var data = new TheoryData<RenderStyle, ReportFormat>();
        foreach (var style in Enum.GetValues<RenderStyle>())
        {
            data.Add(style, ReportFormat.V2021);
            data.Add(style, ReportFormat.V2019);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rendered_report_reads_back_as_printed(RenderStyle style, ReportFormat format)
    {
        var random = new Random(((int)style * 31) + (int)format);
        for (var n = 0; n < ReportsPerCase; n++)
        {
            var original = RandomReports.Next(random, format);
            var text = ReportRenderer.Render(original, style);

            var imported = TextReportImporter.Import(text);

            var context = $"style {style}, format {format}, report {n}:\n{text}\nnotes: {string.Join("; ", imported.Notes.Select(x => x.Location + " " + x.Message))}";
            Assert.True(original.Year == imported.Report.Year, context);
            Assert.True(original.Format == imported.Report.Format, context);
            if (style == RenderStyle.RunTogether)
            {
                AssertExactOrBlankWithCandidates(original, imported, context);
            }
            else
            {
                Assert.True(Json(original) == Json(imported.Report), context + "\nexpected:\n" + Json(original) + "\nactual:\n" + Json(imported.Report));
            }

            Assert.True(original.Sections.OrderBy(s => s.Key, StringComparer.Ordinal).SequenceEqual(imported.Report.Sections.OrderBy(s => s.Key, StringComparer.Ordinal)), context);
        }
    }

    private static void AssertExactOrBlankWithCandidates(AnnualReport original, ReportEnvelope imported, string context)
    {
        Assert.True(Table2Json(original) == Table2Json(imported.Report), context);
        foreach (var row in original.Table3.Rows)
        {
            var expected = original.Table3[row.Key];
            var actual = imported.Report.Table3[row.Key];
            if (actual.SequenceEqual(expected))
            {
                continue;
            }

            Assert.True(actual.All(c => c is null), $"{context}\nrow {row.Key} read a wrong number: [{string.Join(",", actual)}]");
            var note = imported.Notes.Single(x => x.Location == "table3." + row.Key && x.Candidates is not null);
            Assert.Contains(note.Candidates!, c => c.Select(v => (long?)v).SequenceEqual(expected));
        }

        var cells = imported.Report.Table4.Cells;
        if (!cells.SequenceEqual(original.Table4.Cells))
        {
            Assert.True(cells.All(c => c is null), $"{context}\ntable 四 read a wrong number");
            Assert.Contains(imported.Notes.Single(x => x.Location == "table4").Candidates!, c => c.Select(v => (long?)v).SequenceEqual(original.Table4.Cells));
        }
    }

    private static string Json(AnnualReport report)
    {
        var copy = ReportJson.Read(ReportJson.Write(report));
        copy.Sections.Clear();
        copy.Agency = null;
        return ReportJson.Write(copy);
    }

    private static string Table2Json(AnnualReport report)
    {
        var json = Json(report);
        return json[json.IndexOf("\"table2\"", StringComparison.Ordinal)..json.IndexOf("\"table3\"", StringComparison.Ordinal)];
    }
}
