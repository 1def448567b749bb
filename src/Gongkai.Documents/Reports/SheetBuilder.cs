using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Documents.Reports;

/// <summary>How a spreadsheet cell looks (an index into the workbook's cell formats, see <see cref="SheetBuilder.Styles"/>).</summary>
internal enum SheetStyle
{
    Default = 0,

    /// <summary>The document title above a table: larger, centred, no border.</summary>
    Title = 1,

    /// <summary>A header or caption cell: bordered, centred, wrapped.</summary>
    Header = 2,

    /// <summary>A row label: bordered, left, wrapped.</summary>
    Label = 3,

    /// <summary>A whole number (or a blank figure): bordered, centred, format "0".</summary>
    Integer = 4,

    /// <summary>Decimals 1 … 12 follow at Integer + d, format "0.000…".</summary>
    Decimal = 5,
}

/// <summary>
/// Collects the cells of one worksheet (1-based rows and columns), merged ranges and column widths, and writes them as
/// SpreadsheetML: numbers as numeric cells, text as inline strings cleaned of characters XML cannot hold, empty cells
/// only where a border is needed.
/// </summary>
internal sealed class SheetBuilder(string name)
{
    public const int MaxDecimals = 12;

    private readonly SortedDictionary<int, SortedDictionary<int, (object? Value, SheetStyle Style)>> _rows = [];
    private readonly List<string> _merges = [];
    private readonly Dictionary<int, double> _widths = [];

    public string Name { get; } = name;

    public bool Landscape { get; set; }

    /// <summary>Rows printed again at the top of every page (the table header), 1-based and inclusive; null for none.</summary>
    public (int First, int Last)? PrintTitleRows { get; set; }

    public void Text(int row, int column, string? text, SheetStyle style = SheetStyle.Default) => Set(row, column, text, style);

    public void Number(int row, int column, decimal? value, int decimals = 0) =>
        Set(row, column, value, decimals <= 0 ? SheetStyle.Integer : SheetStyle.Integer + Math.Min(decimals, MaxDecimals));

    public void Width(int column, double characters) => _widths[column] = characters;

    /// <summary>Merges a range; the cells it covers get <paramref name="style"/> (so borders run round the whole range).</summary>
    public void Merge(int row, int column, int rows, int columns, SheetStyle style)
    {
        if (rows == 1 && columns == 1)
        {
            return;
        }

        for (var r = row; r < row + rows; r++)
        {
            for (var c = column; c < column + columns; c++)
            {
                if (r != row || c != column)
                {
                    Set(r, c, null, style);
                }
            }
        }

        _merges.Add($"{Reference(row, column)}:{Reference(row + rows - 1, column + columns - 1)}");
    }

    private void Set(int row, int column, object? value, SheetStyle style)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }

        cells[column] = (value, style);
    }

    public static string Reference(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Writes a workbook holding <paramref name="sheets"/> in order.</summary>
    public static byte[] Workbook(string title, IEnumerable<SheetBuilder> sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            doc.PackageProperties.Title = TextCleaner.Clean(title);
            doc.PackageProperties.Language = "zh-CN";
            var workbookPart = doc.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            stylesPart.Stylesheet.Save();
            var sheetList = new Sheets();
            var names = new DefinedNames();
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = sheet.Worksheet();
                part.Worksheet.Save();
                if (sheet.PrintTitleRows is (int first, int last))
                {
                    names.Append(new DefinedName(string.Create(CultureInfo.InvariantCulture, $"'{sheet.Name}'!${first}:${last}"))
                    {
                        Name = "_xlnm.Print_Titles",
                        LocalSheetId = id - 1,
                    });
                }

                sheetList.Append(new Sheet { Name = sheet.Name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
            }

            workbookPart.Workbook = names.HasChildren ? new Workbook(sheetList, names) : new Workbook(sheetList);
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private Worksheet Worksheet()
    {
        var worksheet = new Worksheet();
        if (_widths.Count > 0)
        {
            worksheet.Append(new Columns(_widths.OrderBy(w => w.Key).Select(w =>
                new Column { Min = (uint)w.Key, Max = (uint)w.Key, Width = w.Value, CustomWidth = true })));
        }

        var data = new SheetData();
        foreach (var (r, cells) in _rows)
        {
            var row = new Row { RowIndex = (uint)r };
            foreach (var (c, (value, style)) in cells)
            {
                var cell = new Cell { CellReference = Reference(r, c) };
                if (style != SheetStyle.Default)
                {
                    cell.StyleIndex = (uint)style;
                }

                switch (value)
                {
                    case decimal number:
                        cell.CellValue = new CellValue(number);
                        cell.DataType = CellValues.Number;
                        break;
                    case string text when TextCleaner.Clean(text) is { Length: > 0 } clean:
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new Text(clean) { Space = SpaceProcessingModeValues.Preserve });
                        break;
                    default:
                        break;
                }

                row.Append(cell);
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (_merges.Count > 0)
        {
            worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })));
        }

        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9U, Orientation = Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1U, FitToHeight = 0U });
        return worksheet;
    }

    /// <summary>The cell formats in <see cref="SheetStyle"/> order: default, title, header, label, integer, then decimals 1 … 12.</summary>
    private static Stylesheet Styles()
    {
        var numberFormats = new NumberingFormats();
        for (var d = 1; d <= MaxDecimals; d++)
        {
            numberFormats.Append(new NumberingFormat { NumberFormatId = (uint)(163 + d), FormatCode = "0." + new string('0', d) });
        }

        numberFormats.Count = (uint)MaxDecimals;

        static Font Font(double size, bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 })
            : new Font(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 });

        var fonts = new Fonts(Font(11, false), Font(14, true)) { Count = 2U };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2U };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2U };

        static CellFormat Format(uint numberFormat, uint font, uint border, HorizontalAlignmentValues? horizontal) =>
            new(horizontal is { } h ? new Alignment { Horizontal = h, Vertical = VerticalAlignmentValues.Center, WrapText = true } : new Alignment())
            {
                NumberFormatId = numberFormat,
                FontId = font,
                FillId = 0U,
                BorderId = border,
                FormatId = 0U,
                ApplyNumberFormat = numberFormat != 0,
                ApplyFont = font != 0,
                ApplyBorder = border != 0,
                ApplyAlignment = horizontal is not null,
            };

        var formats = new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            Format(0, 1, 0, HorizontalAlignmentValues.Center),
            Format(0, 0, 1, HorizontalAlignmentValues.Center),
            Format(0, 0, 1, HorizontalAlignmentValues.Left),
            Format(1, 0, 1, HorizontalAlignmentValues.Center));
        for (var d = 1; d <= MaxDecimals; d++)
        {
            formats.Append(Format((uint)(163 + d), 0, 1, HorizontalAlignmentValues.Center));
        }

        formats.Count = (uint)formats.ChildElements.Count;
        return new Stylesheet(
            numberFormats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            formats,
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
