using System.Globalization;
using Gongkai.Core.Common;
using MiniExcelLibs;

namespace Gongkai.UseCases;

/// <summary>
/// The data rows of an uploaded XLSX sheet for the imports (agencies, the case register): the header row gives the
/// column names, rows are numbered as in the spreadsheet (data from row 2), fully blank rows are skipped, and an
/// unreadable file, a missing column or too many rows is refused with a Chinese message before any row is looked at.
/// </summary>
public static class SpreadsheetRows
{
    public const string InvalidFileCode = "import.invalid_file";

    /// <param name="headerName">What the header should follow, in "并使用{headerName}的表头".</param>
    /// <param name="layoutAdvice">The advice after a missing column, e.g. 请使用机构导入模板。</param>
    public static List<(int Row, IDictionary<string, object?> Cells)> Read(Stream xlsx, IEnumerable<string> requiredColumns, int maxRows, string headerName, string layoutAdvice)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(requiredColumns);
        List<IDictionary<string, object?>> raw;
        try
        {
            raw = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DomainException(InvalidFileCode, $"无法读取该文件：请上传 Excel 工作簿（.xlsx），并使用{headerName}的表头。");
        }

        if (raw.Count == 0)
        {
            throw new DomainException(InvalidFileCode, "文件中没有数据行。");
        }

        var missing = requiredColumns.Where(c => !raw[0].ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(InvalidFileCode, $"表头缺少：{string.Join("、", missing.Take(10))}。{layoutAdvice}");
        }

        if (raw.Count > maxRows)
        {
            throw new DomainException(InvalidFileCode, $"一次最多导入 {maxRows} 行。");
        }

        return raw.Select((cells, i) => (Row: i + 2, Cells: cells))
            .Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            .ToList();
    }
}
