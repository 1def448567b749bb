namespace Gongkai.Core.Reports;

/// <summary>A decimal amount as the report prints it: the value and the text (precision is the agency's choice).</summary>
public sealed record PrintedAmount(decimal? Value, string? Text)
{
    public static PrintedAmount Blank { get; } = new(null, null);

    public static PrintedAmount Of(decimal value) => new(value, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>规章 / 行政规范性文件 in the 2021 table 二: 本年制发件数, 本年废止件数, 现行有效件数.</summary>
public sealed record DocumentCounts(long? Issued, long? Repealed, long? InForce)
{
    public static DocumentCounts Blank { get; } = new(null, null, null);
}

/// <summary>Table 二 (主动公开政府信息情况) in the 2021 format: 10 numbers.</summary>
public sealed record Table2Of2021
{
    public DocumentCounts Regulations { get; init; } = DocumentCounts.Blank;

    public DocumentCounts NormativeDocuments { get; init; } = DocumentCounts.Blank;

    /// <summary>行政许可 本年处理决定数量.</summary>
    public long? AdministrativeLicensing { get; init; }

    /// <summary>行政处罚 本年处理决定数量.</summary>
    public long? AdministrativePenalty { get; init; }

    /// <summary>行政强制 本年处理决定数量.</summary>
    public long? AdministrativeCoercion { get; init; }

    /// <summary>行政事业性收费 本年收费金额, 万元.</summary>
    public PrintedAmount AdministrativeFees { get; init; } = PrintedAmount.Blank;
}

/// <summary>规章 / 规范性文件 in the 2019 table 二: 本年新制作数量, 本年新公开数量, 对外公开总数量.</summary>
public sealed record PublicationCounts(long? NewlyMade, long? NewlyPublished, long? TotalPublished)
{
    public static PublicationCounts Blank { get; } = new(null, null, null);
}

/// <summary>A 2019 item row: 上一年项目数量, 本年增/减 (may be negative), 处理决定数量.</summary>
public sealed record ItemCounts(long? PreviousYearItems, long? Change, long? Decisions)
{
    public static ItemCounts Blank { get; } = new(null, null, null);
}

/// <summary>政府集中采购 in the 2019 table 二: 采购项目数量, 采购总金额 and its printed unit.</summary>
public sealed record ProcurementFigures(long? Projects, PrintedAmount TotalAmount, string? TotalAmountUnit)
{
    public static ProcurementFigures Blank { get; } = new(null, PrintedAmount.Blank, null);
}

/// <summary>Table 二 in the 2019 trial format.</summary>
public sealed record Table2Of2019
{
    public PublicationCounts Regulations { get; init; } = PublicationCounts.Blank;

    public PublicationCounts NormativeDocuments { get; init; } = PublicationCounts.Blank;

    public ItemCounts AdministrativeLicensing { get; init; } = ItemCounts.Blank;

    /// <summary>其他对外管理服务事项.</summary>
    public ItemCounts OtherExternalManagementServices { get; init; } = ItemCounts.Blank;

    public ItemCounts AdministrativePenalty { get; init; } = ItemCounts.Blank;

    public ItemCounts AdministrativeCoercion { get; init; } = ItemCounts.Blank;

    /// <summary>行政事业性收费: 上一年项目数量, 本年增/减 (no decisions column).</summary>
    public ItemCounts AdministrativeFees { get; init; } = ItemCounts.Blank;

    public ProcurementFigures CentralizedProcurement { get; init; } = ProcurementFigures.Blank;
}

/// <summary>
/// Table 三: for each row key of the report's format, seven cells (自然人, the five 法人或其他组织 columns, 总计).
/// A null cell is blank or unreadable, never zero.
/// </summary>
public sealed class Table3
{
    private readonly Dictionary<string, long?[]> _cells;

    public Table3(ReportFormat format)
    {
        Format = format;
        _cells = Table3Layout.RowsOf(format).ToDictionary(r => r.Key, _ => new long?[Table3Layout.ColumnCount], StringComparer.Ordinal);
    }

    public ReportFormat Format { get; }

    public IReadOnlyList<Table3Row> Rows => Table3Layout.RowsOf(Format);

    /// <summary>The cells of one row (a live array of length 7).</summary>
    public long?[] this[string rowKey] => _cells.TryGetValue(rowKey, out var row)
        ? row
        : throw new KeyNotFoundException($"table 三 in format {Format.ToJson()} has no row '{rowKey}'");

    public bool HasRow(string rowKey) => _cells.ContainsKey(rowKey);

    public long? Cell(string rowKey, int column) => this[rowKey][column];

    public void SetRow(string rowKey, IReadOnlyList<long?> values)
    {
        if (values.Count != Table3Layout.ColumnCount)
        {
            throw new ArgumentException($"a table 三 row has {Table3Layout.ColumnCount} cells, not {values.Count}", nameof(values));
        }

        var row = this[rowKey];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = values[i];
        }
    }
}

/// <summary>The three blocks of table 四.</summary>
public enum Table4Block
{
    /// <summary>行政复议.</summary>
    AdministrativeReview = 0,

    /// <summary>行政诉讼 · 未经复议直接起诉.</summary>
    LitigationDirect = 1,

    /// <summary>行政诉讼 · 复议后起诉.</summary>
    LitigationAfterReview = 2,
}

/// <summary>Table 四 (行政复议、行政诉讼): three blocks of 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.</summary>
public sealed class Table4
{
    public const int CellCount = 15;
    public const int BlockSize = 5;

    public static IReadOnlyList<string> PartLabels { get; } = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    public static IReadOnlyList<string> PartKeys { get; } = ["upheld", "corrected", "other", "pending", "total"];

    public Table4()
    {
    }

    public Table4(IReadOnlyList<long?> cells)
    {
        if (cells.Count != CellCount)
        {
            throw new ArgumentException($"table 四 has {CellCount} cells, not {cells.Count}", nameof(cells));
        }

        for (var i = 0; i < CellCount; i++)
        {
            Cells[i] = cells[i];
        }
    }

    /// <summary>The 15 cells in printed order.</summary>
    public long?[] Cells { get; } = new long?[CellCount];

    public static string BlockKey(Table4Block block) => block switch
    {
        Table4Block.AdministrativeReview => "administrative_review",
        Table4Block.LitigationDirect => "litigation_direct",
        _ => "litigation_after_review",
    };

    public static string BlockLabel(Table4Block block) => block switch
    {
        Table4Block.AdministrativeReview => "行政复议",
        Table4Block.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        _ => "行政诉讼（复议后起诉）",
    };

    public ReadOnlySpan<long?> Block(Table4Block block) => Cells.AsSpan((int)block * BlockSize, BlockSize);
}
