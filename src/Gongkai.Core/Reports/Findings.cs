namespace Gongkai.Core.Reports;

public enum FindingSeverity
{
    /// <summary>A hard rule (R1–R6) fails: the report is wrong.</summary>
    Error = 0,

    /// <summary>A warning (W1–W6): worth a reviewer's eye.</summary>
    Warning = 1,

    /// <summary>A rule could not be checked (a needed cell is blank, an input is missing).</summary>
    Info = 2,
}

/// <summary>Where a finding is: a table-三 row and column, a table-四 block, a table-二 item or a narrative section.</summary>
public sealed record FindingLocation(string Table, string? Row = null, string? Column = null, string? Block = null, string? Section = null)
{
    public override string ToString() =>
        string.Join(".", new[] { Table, Row, Column, Block, Section }.Where(p => p is not null));
}

/// <summary>A number a finding refers to, by name (e.g. "new_received" or "expected").</summary>
public sealed record FindingNumber(string Name, decimal? Value);

/// <summary>One result of validation: rule id, severity, location, the numbers involved and a Chinese message.</summary>
public sealed record Finding(string Rule, FindingSeverity Severity, FindingLocation Location, IReadOnlyList<FindingNumber> Numbers, string Message)
{
    public bool IsError => Severity == FindingSeverity.Error;
}

/// <summary>How a table was read and how sure the reader is (0 … 1).</summary>
public sealed record TableProvenance(string Method, double Confidence);

/// <summary>
/// Something the importer wants a person to know: a cell printed as "—", a run of digits that split more than one way
/// (with its candidate splits), a row it could not find.
/// </summary>
public sealed record ImportNote(string Location, string Message, string? Printed = null, IReadOnlyList<IReadOnlyList<long>>? Candidates = null);

/// <summary>The result envelope of import and validate: the report, its findings, per-table provenance and notes.</summary>
public sealed class ReportEnvelope
{
    public ReportEnvelope(AnnualReport report)
    {
        Report = report;
    }

    public AnnualReport Report { get; }

    public List<Finding> Findings { get; } = [];

    /// <summary>Keyed by "table2", "table3", "table4", "sections".</summary>
    public Dictionary<string, TableProvenance> Provenance { get; } = new(StringComparer.Ordinal);

    public List<ImportNote> Notes { get; } = [];

    public bool HasErrors => Findings.Any(f => f.IsError);
}
