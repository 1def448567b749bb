using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Reports;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongkai.UseCases.Reports;

/// <summary>
/// The figures entered for a report, as typed: each is a whole number ≥ 0 or blank (not entered); the fee is 万元 with
/// up to six decimals, and its printed text keeps the precision typed.
/// </summary>
public sealed record ReportFiguresInput
{
    public string? RegulationsIssued { get; init; }

    public string? RegulationsRepealed { get; init; }

    public string? RegulationsInForce { get; init; }

    public string? NormativeDocumentsIssued { get; init; }

    public string? NormativeDocumentsRepealed { get; init; }

    public string? NormativeDocumentsInForce { get; init; }

    public string? AdministrativeLicensing { get; init; }

    public string? AdministrativePenalty { get; init; }

    public string? AdministrativeCoercion { get; init; }

    public string? AdministrativeFees { get; init; }

    public string? ItemsPublished { get; init; }

    public string? KeyAreaItems { get; init; }

    public string? PolicyInterpretations { get; init; }

    public string? NewMediaAccounts { get; init; }

    public string? NewMediaPosts { get; init; }

    /// <summary>The fields in order with their Chinese labels (form and spreadsheet columns).</summary>
    public static IReadOnlyList<(string Field, string Label)> Fields { get; } =
    [
        (nameof(RegulationsIssued), "规章本年制发件数"),
        (nameof(RegulationsRepealed), "规章本年废止件数"),
        (nameof(RegulationsInForce), "规章现行有效件数"),
        (nameof(NormativeDocumentsIssued), "行政规范性文件本年制发件数"),
        (nameof(NormativeDocumentsRepealed), "行政规范性文件本年废止件数"),
        (nameof(NormativeDocumentsInForce), "行政规范性文件现行有效件数"),
        (nameof(AdministrativeLicensing), "行政许可本年处理决定数量"),
        (nameof(AdministrativePenalty), "行政处罚本年处理决定数量"),
        (nameof(AdministrativeCoercion), "行政强制本年处理决定数量"),
        (nameof(AdministrativeFees), "行政事业性收费本年收费金额（万元）"),
        (nameof(ItemsPublished), "主动公开信息条数"),
        (nameof(KeyAreaItems), "重点领域信息条数"),
        (nameof(PolicyInterpretations), "政策解读篇数"),
        (nameof(NewMediaAccounts), "政务新媒体账号数"),
        (nameof(NewMediaPosts), "政务新媒体发布信息条数"),
    ];

    public string? this[string field] => field switch
    {
        nameof(RegulationsIssued) => RegulationsIssued,
        nameof(RegulationsRepealed) => RegulationsRepealed,
        nameof(RegulationsInForce) => RegulationsInForce,
        nameof(NormativeDocumentsIssued) => NormativeDocumentsIssued,
        nameof(NormativeDocumentsRepealed) => NormativeDocumentsRepealed,
        nameof(NormativeDocumentsInForce) => NormativeDocumentsInForce,
        nameof(AdministrativeLicensing) => AdministrativeLicensing,
        nameof(AdministrativePenalty) => AdministrativePenalty,
        nameof(AdministrativeCoercion) => AdministrativeCoercion,
        nameof(AdministrativeFees) => AdministrativeFees,
        nameof(ItemsPublished) => ItemsPublished,
        nameof(KeyAreaItems) => KeyAreaItems,
        nameof(PolicyInterpretations) => PolicyInterpretations,
        nameof(NewMediaAccounts) => NewMediaAccounts,
        nameof(NewMediaPosts) => NewMediaPosts,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>The input from values keyed by field name (a form, a spreadsheet row); missing fields are blank.</summary>
    public static ReportFiguresInput Of(IReadOnlyDictionary<string, string?> byField)
    {
        ArgumentNullException.ThrowIfNull(byField);
        string? F(string name) => byField.GetValueOrDefault(name);
        return new ReportFiguresInput
        {
            RegulationsIssued = F(nameof(RegulationsIssued)),
            RegulationsRepealed = F(nameof(RegulationsRepealed)),
            RegulationsInForce = F(nameof(RegulationsInForce)),
            NormativeDocumentsIssued = F(nameof(NormativeDocumentsIssued)),
            NormativeDocumentsRepealed = F(nameof(NormativeDocumentsRepealed)),
            NormativeDocumentsInForce = F(nameof(NormativeDocumentsInForce)),
            AdministrativeLicensing = F(nameof(AdministrativeLicensing)),
            AdministrativePenalty = F(nameof(AdministrativePenalty)),
            AdministrativeCoercion = F(nameof(AdministrativeCoercion)),
            AdministrativeFees = F(nameof(AdministrativeFees)),
            ItemsPublished = F(nameof(ItemsPublished)),
            KeyAreaItems = F(nameof(KeyAreaItems)),
            PolicyInterpretations = F(nameof(PolicyInterpretations)),
            NewMediaAccounts = F(nameof(NewMediaAccounts)),
            NewMediaPosts = F(nameof(NewMediaPosts)),
        };
    }

    public static ReportFiguresInput From(ReportFiguresRecord? r)
    {
        static string? S(long? v) => v?.ToString(CultureInfo.InvariantCulture);
        return r is null ? new ReportFiguresInput() : new ReportFiguresInput
        {
            RegulationsIssued = S(r.RegulationsIssued),
            RegulationsRepealed = S(r.RegulationsRepealed),
            RegulationsInForce = S(r.RegulationsInForce),
            NormativeDocumentsIssued = S(r.NormativeDocumentsIssued),
            NormativeDocumentsRepealed = S(r.NormativeDocumentsRepealed),
            NormativeDocumentsInForce = S(r.NormativeDocumentsInForce),
            AdministrativeLicensing = S(r.AdministrativeLicensing),
            AdministrativePenalty = S(r.AdministrativePenalty),
            AdministrativeCoercion = S(r.AdministrativeCoercion),
            AdministrativeFees = r.AdministrativeFeesText ?? r.AdministrativeFees?.ToString(CultureInfo.InvariantCulture),
            ItemsPublished = S(r.ItemsPublished),
            KeyAreaItems = S(r.KeyAreaItems),
            PolicyInterpretations = S(r.PolicyInterpretations),
            NewMediaAccounts = S(r.NewMediaAccounts),
            NewMediaPosts = S(r.NewMediaPosts),
        };
    }

    /// <summary>Checks every field and copies the values into the record; errors are keyed by field with Chinese messages.</summary>
    public void ApplyTo(ReportFiguresRecord record, Validation v, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(v);
        long? L(string field)
        {
            var raw = Normal(this[field]);
            if (raw is null)
            {
                return null;
            }

            if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000_000_000)
            {
                return n;
            }

            v.Add(field, $"{prefix}{Label(field)}须为不小于 0 的整数，不填表示未填报。");
            return null;
        }

        record.RegulationsIssued = L(nameof(RegulationsIssued));
        record.RegulationsRepealed = L(nameof(RegulationsRepealed));
        record.RegulationsInForce = L(nameof(RegulationsInForce));
        record.NormativeDocumentsIssued = L(nameof(NormativeDocumentsIssued));
        record.NormativeDocumentsRepealed = L(nameof(NormativeDocumentsRepealed));
        record.NormativeDocumentsInForce = L(nameof(NormativeDocumentsInForce));
        record.AdministrativeLicensing = L(nameof(AdministrativeLicensing));
        record.AdministrativePenalty = L(nameof(AdministrativePenalty));
        record.AdministrativeCoercion = L(nameof(AdministrativeCoercion));
        record.ItemsPublished = L(nameof(ItemsPublished));
        record.KeyAreaItems = L(nameof(KeyAreaItems));
        record.PolicyInterpretations = L(nameof(PolicyInterpretations));
        record.NewMediaAccounts = L(nameof(NewMediaAccounts));
        record.NewMediaPosts = L(nameof(NewMediaPosts));
        var fee = Normal(AdministrativeFees);
        record.AdministrativeFees = null;
        record.AdministrativeFeesText = null;
        if (fee is not null)
        {
            var dot = fee.IndexOf('.', StringComparison.Ordinal);
            if (decimal.TryParse(fee, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount < 1_000_000_000_000m && (dot < 0 || fee.Length - dot - 1 <= 6))
            {
                record.AdministrativeFees = amount;
                record.AdministrativeFeesText = fee;
            }
            else
            {
                v.Add(nameof(AdministrativeFees), $"{prefix}行政事业性收费须为以万元计的金额（不小于 0，最多 6 位小数），如 2096.132；不填表示未填报。");
            }
        }

        if (record.KeyAreaItems > record.ItemsPublished)
        {
            v.Add(nameof(KeyAreaItems), $"{prefix}重点领域信息条数不能多于主动公开信息条数。");
        }
    }

    public static string Label(string field) => Fields.First(f => f.Field == field).Label;

    /// <summary>Trims, folds full-width digits, drops thousands separators; blank and "—"/"/"/"无" are not entered.</summary>
    private static string? Normal(string? value)
    {
        var s = new string((value ?? string.Empty).Trim().Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c == '．' ? '.' : c).ToArray()).Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
        return s is "" or "—" or "-" or "/" or "无" ? null : s;
    }
}

public sealed record ReportFiguresView(int AgencyId, string AgencyName, int Year, ReportFiguresInput Values, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>The figures entered for an agency's report on a year (blank when none were entered).</summary>
[ReadOnlyUseCase]
public sealed class GetReportFigures(GongkaiDbContext db, StaffContext staff)
{
    public async Task<ReportFiguresView> ExecuteAsync(int agencyId, int year, CancellationToken ct = default)
    {
        staff.EnsureCanSee(agencyId);
        ReportComputation.EnsureYear(year);
        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
        var r = await db.ReportFigures.AsNoTracking().SingleOrDefaultAsync(f => f.AgencyId == agencyId && f.Year == year, ct);
        return new ReportFiguresView(agencyId, name, year, ReportFiguresInput.From(r), r?.Version ?? 0, r?.UpdatedBy, r?.UpdatedAt);
    }
}

/// <summary>
/// 填报数据: saves the figures of an agency's report on a year. A report already submitted, accepted or published on
/// that year keeps its tables; the figures take effect in a draft (recomputed on its next save) or a correction.
/// </summary>
[AuditAction("保存年度报告填报数据")]
public sealed class SaveReportFigures(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(int agencyId, int year, ReportFiguresInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ReportRules.EnsureMayWrite(staff, agencyId);
        ReportComputation.EnsureYear(year);
        using var _ = audit.Begin(this);
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
        }

        var row = await db.ReportFigures.SingleOrDefaultAsync(f => f.AgencyId == agencyId && f.Year == year, ct);
        if (row is null)
        {
            row = new ReportFiguresRecord { AgencyId = agencyId, Year = year };
            db.ReportFigures.Add(row);
        }

        if (row.Version != expectedVersion)
        {
            throw new DomainException(Cases.CaseHistory.ConcurrentChangeCode, $"{year} 年的填报数据已于 {row.UpdatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 由{row.UpdatedBy}修改，您看到的页面已过期，本次修改未保存。请刷新后再改。");
        }

        var v = new Validation();
        input.ApplyTo(row, v);
        v.ThrowIfInvalid();
        row.UpdatedAt = clock.UtcNow;
        row.UpdatedBy = staff.DisplayName;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(Cases.CaseHistory.ConcurrentChangeCode, "填报数据刚被其他人修改，本次修改未保存。请刷新后再改。");
        }

        return row.Version;
    }
}

/// <summary>The result of a figures import: how many agencies' figures were saved, for which year.</summary>
public sealed record ReportFiguresImport(int Count, int Year);

/// <summary>
/// 导入填报数据: one XLSX row per agency (机构名称, 年度 and the figures' columns, as in <see cref="Template"/>), all or
/// nothing: any bad row refuses the file with its row number, and nothing is saved.
/// </summary>
[AuditAction("导入年度报告填报数据")]
public sealed class ImportReportFigures(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public const int MaxRows = 5000;
    public const string AgencyColumn = "机构名称";
    public const string YearColumn = "年度";

    public static byte[] Template()
    {
        var row = new Dictionary<string, object?> { [AgencyColumn] = string.Empty, [YearColumn] = string.Empty };
        foreach (var (_, label) in ReportFiguresInput.Fields)
        {
            row[label] = string.Empty;
        }

        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row });
        return stream.ToArray();
    }

    public async Task<ReportFiguresImport> ExecuteAsync(Stream xlsx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        staff.EnsureRole([.. ReportRules.AuthorRoles]);
        using var _ = audit.Begin(this);
        var rows = SpreadsheetRows.Read(xlsx, [AgencyColumn, YearColumn], MaxRows, "填报数据导入模板", "请使用填报数据导入模板。");
        var tree = await AgencyTree.LoadAsync(db, ct);
        var agencies = tree.Ordered.Where(n => staff.CanSee(n.Id)).ToDictionary(n => n.Name, n => n.Id, StringComparer.Ordinal);
        var errors = new Validation();
        var parsed = new List<(int AgencyId, int Year, ReportFiguresRecord Values)>();
        var seen = new HashSet<(int, int)>();
        foreach (var (number, cells) in rows)
        {
            string? Cell(string column) => cells.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() : null;
            var prefix = $"第 {number} 行：";
            var name = Cell(AgencyColumn) ?? string.Empty;
            if (!agencies.TryGetValue(name, out var agencyId))
            {
                errors.Add($"row{number}", $"{prefix}找不到机构“{name}”，或您无权填报它的数据。");
                continue;
            }

            if (!int.TryParse(Cell(YearColumn), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2021 or > 9999)
            {
                errors.Add($"row{number}", $"{prefix}年度须为 2021 年或以后的四位数年份。");
                continue;
            }

            if (!seen.Add((agencyId, year)))
            {
                errors.Add($"row{number}", $"{prefix}{name} {year} 年的数据在文件中重复出现。");
                continue;
            }

            var input = ReportFiguresInput.Of(ReportFiguresInput.Fields.ToDictionary(f => f.Field, f => Cell(f.Label)));
            var v = new Validation();
            var values = new ReportFiguresRecord();
            input.ApplyTo(values, v, prefix);
            if (!v.IsValid)
            {
                try
                {
                    v.ThrowIfInvalid();
                }
                catch (ValidationFailedException e)
                {
                    foreach (var (field, message) in e.Errors)
                    {
                        errors.Add($"row{number}.{field}", message);
                    }
                }

                continue;
            }

            parsed.Add((agencyId, year, values));
        }

        errors.ThrowIfInvalid();
        if (parsed.Count == 0)
        {
            throw new DomainException(SpreadsheetRows.InvalidFileCode, "文件中没有填写任何数据。");
        }

        var now = clock.UtcNow;
        foreach (var (agencyId, year, values) in parsed)
        {
            var row = await db.ReportFigures.SingleOrDefaultAsync(f => f.AgencyId == agencyId && f.Year == year, ct);
            if (row is null)
            {
                row = new ReportFiguresRecord { AgencyId = agencyId, Year = year };
                db.ReportFigures.Add(row);
            }

            Copy(values, row);
            row.UpdatedAt = now;
            row.UpdatedBy = staff.DisplayName;
            row.Version++;
        }

        await db.SaveChangesAsync(ct);
        return new ReportFiguresImport(parsed.Count, parsed[0].Year);
    }

    private static void Copy(ReportFiguresRecord from, ReportFiguresRecord to)
    {
        to.RegulationsIssued = from.RegulationsIssued;
        to.RegulationsRepealed = from.RegulationsRepealed;
        to.RegulationsInForce = from.RegulationsInForce;
        to.NormativeDocumentsIssued = from.NormativeDocumentsIssued;
        to.NormativeDocumentsRepealed = from.NormativeDocumentsRepealed;
        to.NormativeDocumentsInForce = from.NormativeDocumentsInForce;
        to.AdministrativeLicensing = from.AdministrativeLicensing;
        to.AdministrativePenalty = from.AdministrativePenalty;
        to.AdministrativeCoercion = from.AdministrativeCoercion;
        to.AdministrativeFees = from.AdministrativeFees;
        to.AdministrativeFeesText = from.AdministrativeFeesText;
        to.ItemsPublished = from.ItemsPublished;
        to.KeyAreaItems = from.KeyAreaItems;
        to.PolicyInterpretations = from.PolicyInterpretations;
        to.NewMediaAccounts = from.NewMediaAccounts;
        to.NewMediaPosts = from.NewMediaPosts;
    }
}
