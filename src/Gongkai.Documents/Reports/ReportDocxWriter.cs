using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>
/// Writes an annual report as a Word document in the national layout: A4, 仿宋_GB2312 body (仿宋 where it is missing),
/// the title in 方正小标宋简体 (黑体 where it is missing), headings in 黑体, the tables 二 / 三 / 四 with the format's merged
/// cells (gridSpan across, vMerge down), single borders, header rows repeated on each page and rows kept whole, page
/// numbers in the footer. Text is cleaned of characters XML cannot hold. Opens in Word, WPS and LibreOffice.
/// </summary>
public static class ReportDocxWriter
{
    private const string BodyFont = "仿宋_GB2312";
    private const string TitleFont = "方正小标宋简体";
    private const string HeadingFont = "黑体";
    private const string TableFont = "宋体";
    private const string BodySize = "32"; // 三号, half-points
    private const string TitleSize = "44"; // 二号
    private const string TableSize = "21"; // 五号
    private const string SmallTableSize = "18"; // 小五, for the 15 columns of table 四
    private const int TextWidth = 11906 - 1587 - 1474; // A4 width minus the margins, twentieths of a point

    public static byte[] Write(AnnualReport report, ReportDocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(info);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = TextCleaner.Clean(info.Title);
            doc.PackageProperties.Creator = TextCleaner.Clean(report.Agency);
            doc.PackageProperties.Language = "zh-CN";
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            AddFonts(main);
            var footerId = AddFooter(main);

            var body = new Body();
            body.Append(Title(info.Title));
            foreach (var line in ReportLayout.Paragraphs(info.Introduction))
            {
                body.Append(BodyParagraph(line));
            }

            foreach (var key in AnnualReport.SectionKeys)
            {
                body.Append(Heading(AnnualReport.SectionHeading(key)));
                if (AnnualReport.NarrativeSectionKeys.Contains(key))
                {
                    foreach (var line in ReportLayout.Paragraphs(report.Sections.GetValueOrDefault(key)))
                    {
                        body.Append(BodyParagraph(line));
                    }
                }
                else
                {
                    body.Append(WordTable(ReportLayout.Table(report, key)));
                }
            }

            foreach (var line in ReportLayout.Paragraphs(info.Footnote))
            {
                body.Append(BodyParagraph(line));
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1587U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(BodyFont),
                    new FontSize { Val = BodySize },
                    new FontSizeComplexScript { Val = BodySize },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))),
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle())
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "heading 1" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new KeepNext(),
                    new OutlineLevel { Val = 0 }),
                new StyleRunProperties(Fonts(HeadingFont)))
            { Type = StyleValues.Paragraph, StyleId = "Heading1" },
            new Style(
                new StyleName { Val = "Title" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Line = "700", LineRule = LineSpacingRuleValues.AtLeast, After = "480" },
                    new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(TitleFont), new FontSize { Val = TitleSize }, new FontSizeComplexScript { Val = TitleSize }))
            { Type = StyleValues.Paragraph, StyleId = "Title" });
        styles.Styles.Save();
    }

    /// <summary>The font table names a common substitute for each official font (Word and WPS use it when the font is missing).</summary>
    private static void AddFonts(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        static Font F(string name, string alternative) => new(
            new AltName { Val = alternative },
            new FontCharSet { Val = "86" },
            new FontFamily { Val = FontFamilyValues.Roman },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = name };
        part.Fonts = new Fonts(
            F(BodyFont, "仿宋"),
            F("仿宋", "FangSong"),
            F(TitleFont, HeadingFont),
            F(HeadingFont, "SimHei"),
            F(TableFont, "SimSun"));
        part.Fonts.Save();
    }

    /// <summary>A footer with the page number as agencies print it: — 1 —.</summary>
    private static string AddFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Small("— "),
            new Run(new RunProperties(new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new RunProperties(new FontSize { Val = "28" }), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties(new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Small("1"),
            new Run(new RunProperties(new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.End }),
            Small(" —")));
        part.Footer.Save();
        return main.GetIdOfPart(part);

        static Run Small(string text) => new(new RunProperties(new FontSize { Val = "28" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Run TextRun(string text, RunProperties? props = null)
    {
        var run = new Run();
        if (props is not null)
        {
            run.Append(props);
        }

        run.Append(new Text(TextCleaner.Clean(text).Replace('\t', ' ')) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Paragraph Title(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Title" }), TextRun(text));

    private static Paragraph Heading(string text) =>
        new(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "Heading1" },
                new Indentation { FirstLineChars = 200, FirstLine = "640" }),
            TextRun(text));

    private static Paragraph BodyParagraph(string text) =>
        new(
            new ParagraphProperties(
                new Indentation { FirstLineChars = 200, FirstLine = "640" },
                new Justification { Val = JustificationValues.Both }),
            TextRun(text));

    private static Table WordTable(ReportTable layout)
    {
        var size = layout.SectionKey == "四" ? SmallTableSize : TableSize;
        var total = layout.Columns.Sum();
        var widths = layout.Columns.Select(w => TextWidth * w / total).ToArray();
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 6, Space = 0U, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 6, Space = 0U, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 0U, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 6, Space = 0U, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 6, Space = 0U, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 6, Space = 0U, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var grid = layout.Grid();
        for (var r = 0; r < grid.Count; r++)
        {
            var rowProps = new TableRowProperties(new CantSplit());
            if (r < layout.HeaderRows)
            {
                rowProps.Append(new TableHeader());
            }

            var row = new TableRow(rowProps);
            for (var c = 0; c < layout.Width;)
            {
                var slot = grid[r][c];
                var cell = slot.Cell ?? throw new InvalidOperationException($"table {layout.SectionKey}: row {r} has no cell at column {c}");
                var width = widths.Skip(c).Take(cell.ColSpan).Sum();
                MergedCellValues? merge = cell.RowSpan == 1 ? null : slot.IsContinuedFromAbove ? MergedCellValues.Continue : MergedCellValues.Restart;
                // Row labels of table 三 are long and read from the left, as in the HTML; everything else is centred.
                var left = layout.SectionKey == "三" && cell.Kind == ReportCellKind.RowHeader && cell.RowSpan == 1;
                row.Append(WordCell(slot.IsContinuedFromAbove ? string.Empty : cell.Text, cell, width, merge, size, left));
                c += cell.ColSpan;
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell WordCell(string text, ReportCell cell, int width, MergedCellValues? merge, string size, bool left)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.ColSpan > 1)
        {
            props.Append(new GridSpan { Val = cell.ColSpan });
        }

        if (merge is { } m)
        {
            props.Append(new VerticalMerge { Val = m });
        }

        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var align = left ? JustificationValues.Left : JustificationValues.Center;
        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.AtLeast, Before = "0", After = "0" },
            new Justification { Val = align }));
        if (text.Length > 0)
        {
            paragraph.Append(TextRun(text, new RunProperties(Fonts(TableFont), new FontSize { Val = size }, new FontSizeComplexScript { Val = size })));
        }

        return new TableCell(props, paragraph);
    }
}
