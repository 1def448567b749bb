using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.Files;
using Gongkai.Data.Reports;
using Gongkai.Reports.Import;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

/// <summary>A deadline rule as the settings page shows it.</summary>
public sealed record ReportDeadlineRule(int Id, int? SupervisorAgencyId, string Scope, AgencyKind Kind, int Month, int Day, bool ShiftToWorkingDay, string? Note, int Version);

/// <summary>The deadline rules this user may see: the ones for everywhere and those set by offices in view.</summary>
[ReadOnlyUseCase]
public sealed class ListReportDeadlines(GongkaiDbContext db, StaffContext staff)
{
    public async Task<IReadOnlyList<ReportDeadlineRule>> ExecuteAsync(CancellationToken ct = default)
    {
        var rows = await db.ReportDeadlines.AsNoTracking().ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. rows.Where(r => r.SupervisorAgencyId is null || staff.CanSee(r.SupervisorAgencyId.Value))
            .OrderBy(r => r.SupervisorAgencyId.HasValue).ThenBy(r => r.SupervisorAgencyId).ThenBy(r => r.Kind)
            .Select(r => new ReportDeadlineRule(r.Id, r.SupervisorAgencyId, r.SupervisorAgencyId is { } s ? $"{names.GetValueOrDefault(s)}所属单位" : "全部单位", r.Kind, r.Month, r.Day, r.ShiftToWorkingDay, r.Note, r.Version))];
    }
}

/// <summary>
/// 报告期限: a 政务公开办 sets the publication deadline of the reports of one kind of unit under it (e.g. 街道 by
/// 1 月 20 日 under a local notice); a 系统管理员 with no office scope sets the rule for everywhere. Removing a rule
/// returns to the statutory default.
/// </summary>
[AuditAction("设置年度报告期限")]
public sealed class SaveReportDeadline(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task ExecuteAsync(int? supervisorAgencyId, AgencyKind kind, int? month, int? day, bool shiftToWorkingDay, string? note, bool remove = false, CancellationToken ct = default)
    {
        staff.EnsureRole(Roles.DisclosureOffice, Roles.SystemAdministrator);
        if (supervisorAgencyId is { } s)
        {
            staff.EnsureCanSee(s);
        }
        else if (!staff.IsUnrestricted && !staff.IsInRole(Roles.SystemAdministrator))
        {
            throw new DomainException(StaffContext.ForbiddenCode, "只有系统管理员可以设置适用于全部单位的报告期限。");
        }

        using var _ = audit.Begin(this);
        var row = await db.ReportDeadlines.SingleOrDefaultAsync(r => r.SupervisorAgencyId == supervisorAgencyId && r.Kind == kind, ct);
        if (remove)
        {
            if (row is not null)
            {
                db.ReportDeadlines.Remove(row);
                await db.SaveChangesAsync(ct);
            }

            return;
        }

        var v = new Validation();
        if (month is not (>= 1 and <= 12))
        {
            v.Add("Month", "月份须为 1 至 12。");
        }
        else if (day is not { } d || d < 1 || d > DateTime.DaysInMonth(2024, month.Value))
        {
            v.Add("Day", "日期不正确。");
        }

        var n = (note ?? string.Empty).Trim();
        v.MaxLength("Note", n, "依据说明", 500);
        v.ThrowIfInvalid();
        if (row is null)
        {
            row = new ReportDeadlineRecord { SupervisorAgencyId = supervisorAgencyId, Kind = kind };
            db.ReportDeadlines.Add(row);
        }

        row.Month = month!.Value;
        row.Day = day!.Value;
        row.ShiftToWorkingDay = shiftToWorkingDay;
        row.Note = n.Length == 0 ? null : n;
        row.UpdatedAt = clock.UtcNow;
        row.UpdatedBy = staff.DisplayName;
        row.Version++;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// 导入已发布报告: a supervisor uploads a unit's published report (HTML, Word, PDF with text, plain text) to check it
/// alongside the reports written here. The file is kept; the report is read by the importer and stored as a published
/// edition of that unit's year (a later upload is a new edition that replaces it). Nothing is stored when the file
/// cannot be read as a report.
/// </summary>
[AuditAction("导入已发布年度报告")]
public sealed class ImportPublishedReport(ReportStore store, AuditContext audit, IFileStore files)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public async Task<int> ExecuteAsync(int agencyId, int year, string fileName, byte[] content, DateOnly? publishedOn, string? requestKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var staff = store.Staff;
        staff.EnsureCanSee(agencyId);
        staff.EnsureRole(Roles.DisclosureOffice, Roles.SystemAdministrator);
        ReportComputation.EnsureYear(year);
        var key = ReportRules.Key(requestKey);
        var db = store.Db;
        if (key is not null && await db.AnnualReportEvents.AsNoTracking()
                .Where(e => e.RequestKey == key && e.Action == ReportActions.Imported)
                .Join(db.AnnualReports, e => e.ReportId, r => r.Id, (e, r) => r)
                .FirstOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year, ct) is { } done)
        {
            return done.Id;
        }

        using var _ = audit.Begin(this);
        if (content.Length == 0 || content.LongLength > MaxBytes)
        {
            throw new DomainException(SpreadsheetRows.InvalidFileCode, content.Length == 0 ? "上传的文件是空的。" : "文件不能超过 20 MB。");
        }

        var today = store.Clock.Today();
        if (publishedOn is { } on && (on > today || on.Year <= year))
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["PublishedOn"] = $"发布日期须在 {year + 1} 年 1 月 1 日以后，且不晚于今天。" });
        }

        var tree = await AgencyTree.LoadAsync(db, ct);
        var agencyName = tree.Find(agencyId)!.Name;
        var envelope = ReportFileImporter.Import(content, fileName, new ReportImportOptions { Agency = agencyName, Year = year });
        if (envelope.Report.Year != year)
        {
            throw new DomainException(ReportRules.InvalidCode, $"文件中的报告是 {envelope.Report.Year} 年度的，不是 {year} 年度。");
        }

        var stored = await files.SaveBytesAsync(content, MaxBytes, ct) ?? throw new DomainException(SpreadsheetRows.InvalidFileCode, "文件不能超过 20 MB。");
        var latest = await store.LatestAsync(agencyId, year, ct);
        if (latest is { Status: not (AnnualReportStatus.Published or AnnualReportStatus.Superseded) })
        {
            throw new DomainException(ReportRules.StateCode, $"该单位 {year} 年度的报告正在本平台办理（{ReportRules.StatusName(latest.Status)}），不能再导入。");
        }

        var now = store.Clock.UtcNow;
        var record = new AnnualReportRecord
        {
            AgencyId = agencyId,
            Year = year,
            Edition = (latest?.Edition ?? 0) + 1,
            Status = AnnualReportStatus.Published,
            Source = AnnualReportSource.Imported,
            Content = ReportJson.Write(envelope.Report),
            Introduction = string.Empty,
            Scope = ReportScope.Own,
            Deadline = await store.DeadlineAsync(tree, agencyId, year, ct),
            CreatedAt = now,
            CreatedBy = staff.DisplayName,
            PublishedAt = now,
            PublishedOn = publishedOn,
            ImportedFileName = Path.GetFileName(fileName ?? "report"),
            ImportedStorageKey = stored.Key,
            ImportedContentType = ReportFileImporter.Detect(content, fileName) switch
            {
                ReportFileKind.Pdf => "application/pdf",
                ReportFileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ReportFileKind.Html => "text/html",
                _ => "text/plain",
            },
            ImportEnvelope = ReportJson.Write(envelope),
            CorrectionReason = latest is null ? null : "重新导入已发布报告",
        };
        db.AnnualReports.Add(record);
        if (latest is { Status: AnnualReportStatus.Published })
        {
            var old = await db.AnnualReports.SingleAsync(r => r.Id == latest.Id, ct);
            old.Status = AnnualReportStatus.Superseded;
            store.Record(old, ReportActions.Superseded, AnnualReportStatus.Published, $"被第 {record.Edition} 版替代", null);
        }

        store.Record(record, ReportActions.Imported, null, $"{record.ImportedFileName}", key);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            files.Delete(stored.Key);
            throw new DomainException(Cases.CaseHistory.ConcurrentChangeCode, "该单位这一年度的报告刚被其他人导入或修改，本次导入未保存。请刷新后再试。");
        }

        return record.Id;
    }
}
