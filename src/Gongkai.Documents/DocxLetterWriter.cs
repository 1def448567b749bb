using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Letters;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Gongkai.Documents;

/// <summary>
/// Writes a letter as a Word document laid out like an official document (GB/T 9704-2012: A4, 仿宋 三号 body with
/// two-character indents and 28-point lines, 小标宋 二号 title, the 文号 under it, signature and date on the right).
/// The seal floats behind the signature and date, where a stamp goes. Opens and edits in Word, WPS and LibreOffice.
/// </summary>
public static class DocxLetterWriter
{
    private const string BodyFont = "仿宋";
    private const string TitleFont = "方正小标宋简体";
    private const string BodySize = "32"; // 三号, half-points
    private const string TitleSize = "44"; // 二号
    private const long EmuPerMillimetre = 36000;
    private const long SealSize = 42 * EmuPerMillimetre;

    public static byte[] Write(LetterDocument letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = letter.Title;
            doc.PackageProperties.Subject = letter.CaseNumber;
            doc.PackageProperties.Creator = letter.Signatory;
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Centered(letter.Title, TitleFont, TitleSize, bold: false, after: letter.DocumentNumber is null ? "480" : "160"));
            if (letter.DocumentNumber is { } number)
            {
                body.Append(Centered(number, BodyFont, BodySize, bold: false, after: "480"));
            }

            if (letter.IsForm)
            {
                body.Append(FormTable(letter));
            }
            else
            {
                for (var i = 0; i < letter.Paragraphs.Count; i++)
                {
                    body.Append(BodyParagraph(letter.Paragraphs[i], indent: !letter.IsSalutation(i)));
                }
            }

            body.Append(BodyParagraph(string.Empty, indent: false));
            var signature = RightAligned(letter.Signatory);
            if (letter.Seal is { } seal)
            {
                var imagePart = main.AddImagePart(seal.ContentType == "image/jpeg" ? ImagePartType.Jpeg : ImagePartType.Png);
                using (var image = new MemoryStream(seal.Bytes, writable: false))
                {
                    imagePart.FeedData(image);
                }

                signature.Append(new Run(SealDrawing(main.GetIdOfPart(imagePart))));
            }

            body.Append(signature);
            body.Append(RightAligned(letter.DateText));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1587U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
                    new FontSize { Val = BodySize },
                    new FontSizeComplexScript { Val = BodySize },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))));
        styles.Styles.Save();
    }

    private static RunProperties Font(string font, string size, bool bold)
    {
        var props = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
            new FontSize { Val = size },
            new FontSizeComplexScript { Val = size });
        if (bold)
        {
            props.PrependChild(new Bold());
        }

        return props;
    }

    private static Paragraph Centered(string text, string font, string size, bool bold, string after) =>
        new(
            new ParagraphProperties(
                new SpacingBetweenLines { Line = size == TitleSize ? "700" : "560", LineRule = LineSpacingRuleValues.AtLeast, After = after },
                new Justification { Val = JustificationValues.Center }),
            new Run(Font(font, size, bold), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph BodyParagraph(string text, bool indent)
    {
        var props = new ParagraphProperties();
        if (indent)
        {
            props.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" });
        }

        props.Append(new Justification { Val = JustificationValues.Both });

        return new Paragraph(props, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph RightAligned(string text) =>
        new(
            new ParagraphProperties(
                new Indentation { Right = "640" },
                new Justification { Val = JustificationValues.Right }),
            new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table FormTable(LetterDocument letter)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 8 },
            new LeftBorder { Val = BorderValues.Single, Size = 8 },
            new BottomBorder { Val = BorderValues.Single, Size = 8 },
            new RightBorder { Val = BorderValues.Single, Size = 8 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            border,
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(new GridColumn { Width = "2400" }, new GridColumn { Width = "6400" }));
        foreach (var paragraph in letter.Paragraphs)
        {
            var (label, value) = LetterDocument.Row(paragraph);
            table.Append(new TableRow(
                new TableRowProperties(new TableRowHeight { Val = 900U, HeightType = HeightRuleValues.AtLeast }),
                Cell(label, "2400", JustificationValues.Center),
                Cell(value, "6400", JustificationValues.Left)));
        }

        return table;
    }

    private static TableCell Cell(string text, string width, JustificationValues align) =>
        new(
            new TableCellProperties(
                new TableCellWidth { Width = width, Type = TableWidthUnitValues.Dxa },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Line = "440", LineRule = LineSpacingRuleValues.AtLeast }, new Justification { Val = align }),
                new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    /// <summary>The seal: a floating picture behind the text, centred on the signature and reaching over the date.</summary>
    private static Drawing SealDrawing(string relationshipId)
    {
        var picture = new A.Graphic(new A.GraphicData(
            new Pic.Picture(
                new Pic.NonVisualPictureProperties(
                    new Pic.NonVisualDrawingProperties { Id = 0U, Name = "seal.png" },
                    new Pic.NonVisualPictureDrawingProperties()),
                new Pic.BlipFill(
                    new A.Blip { Embed = relationshipId },
                    new A.Stretch(new A.FillRectangle())),
                new Pic.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = SealSize, Cy = SealSize }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var anchor = new Wp.Anchor(
            new Wp.SimplePosition { X = 0L, Y = 0L },
            new Wp.HorizontalPosition(new Wp.PositionOffset((-SealSize / 4).ToString(System.Globalization.CultureInfo.InvariantCulture))) { RelativeFrom = Wp.HorizontalRelativePositionValues.Character },
            new Wp.VerticalPosition(new Wp.PositionOffset((-SealSize / 3).ToString(System.Globalization.CultureInfo.InvariantCulture))) { RelativeFrom = Wp.VerticalRelativePositionValues.Paragraph },
            new Wp.Extent { Cx = SealSize, Cy = SealSize },
            new Wp.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new Wp.WrapNone(),
            new Wp.DocProperties { Id = 1U, Name = "印章" },
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            picture)
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
            SimplePos = false,
            RelativeHeight = 251659264U,
            BehindDoc = false,
            Locked = false,
            LayoutInCell = true,
            AllowOverlap = true,
        };
        return new Drawing(anchor);
    }
}
