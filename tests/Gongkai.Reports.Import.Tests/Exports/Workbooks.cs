using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Reports.Import.Tests.Exports;

/// <summary>A cell read back from a workbook: its text (inline or shared string), or its number and number format.</summary>
internal sealed record SheetCell(string? Text, decimal? Number, string Format);

/// <summary>One sheet read back: the cells holding something (by reference, e.g. "B5") and the merged ranges.</summary>
internal sealed record SheetContent(IReadOnlyDictionary<string, SheetCell> Cells, IReadOnlyList<string> Merges)
{
    public SheetCell? this[string reference] => Cells.GetValueOrDefault(reference);

    public string? Text(string reference) => this[reference]?.Text;

    public decimal? Number(string reference) => this[reference]?.Number;
}

/// <summary>Reads workbooks the way a spreadsheet application does, with the Open XML SDK.</summary>
internal static class Workbooks
{
    public static Dictionary<string, SheetContent> Read(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = doc.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var codes = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        string Format(Cell cell)
        {
            var id = cell.StyleIndex?.Value is { } s && s < formats.Count ? formats[(int)s].NumberFormatId?.Value ?? 0 : 0;
            return id switch
            {
                0 => "General",
                1 => "0",
                2 => "0.00",
                _ => codes.GetValueOrDefault(id, id.ToString(CultureInfo.InvariantCulture)),
            };
        }

        var sheets = new Dictionary<string, SheetContent>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var cells = new Dictionary<string, SheetCell>(StringComparer.Ordinal);
            foreach (var cell in part.Worksheet!.Descendants<Cell>())
            {
                SheetCell? value = null;
                if (cell.DataType?.Value == CellValues.InlineString)
                {
                    value = new SheetCell(cell.InlineString?.InnerText, null, Format(cell));
                }
                else if (cell.DataType?.Value == CellValues.SharedString)
                {
                    value = new SheetCell(shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)], null, Format(cell));
                }
                else if (cell.CellValue is { } v && v.Text.Length > 0)
                {
                    value = new SheetCell(null, decimal.Parse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture), Format(cell));
                }

                if (value is not null)
                {
                    cells[cell.CellReference!.Value!] = value;
                }
            }

            var merges = part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
            sheets[sheet.Name!.Value!] = new SheetContent(cells, merges);
        }

        return sheets;
    }

    public static string Ref(int row, int column)
    {
        var name = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }
}
