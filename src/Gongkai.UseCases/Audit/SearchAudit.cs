using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongkai.UseCases.Audit;

public sealed record AuditFilter(string? Text = null, string? Actor = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, int? ActingAgencyId, string Action, string EntityType, string EntityId, string Operation, string? Before, string? After);

/// <summary>
/// 操作记录: searches the audit history. 系统管理员 and 政务公开办 see entries made for the agencies they supervise;
/// entries made by the system or at the command line (no agency) are seen by system administrators only.
/// </summary>
[ReadOnlyUseCase]
public sealed class SearchAudit(GongkaiDbContext db, StaffContext staff)
{
    public const int MaxExportRows = 100_000;

    public async Task<Page<AuditRow>> ExecuteAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var p = PageRequest.Normalise(page, pageSize, total);
        var items = await Project(query.OrderByDescending(e => e.Id).Skip((p.Page - 1) * p.PageSize).Take(p.PageSize)).ToListAsync(ct);
        return new Page<AuditRow>(items, p.Page, p.PageSize, total);
    }

    /// <summary>The matching entries as an XLSX workbook (newest first, at most <see cref="MaxExportRows"/>).</summary>
    public async Task<byte[]> ExportAsync(AuditFilter filter, Func<DateTimeOffset, string> formatTime, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(formatTime);
        var rows = await Project(Filtered(filter).OrderByDescending(e => e.Id).Take(MaxExportRows)).ToListAsync(ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["编号"] = r.Id,
            ["时间"] = formatTime(r.At),
            ["操作人"] = r.Actor,
            ["代表机构编号"] = r.ActingAgencyId,
            ["操作"] = r.Action,
            ["对象"] = r.EntityType,
            ["对象编号"] = r.EntityId,
            ["类型"] = r.Operation,
            ["修改前"] = r.Before,
            ["修改后"] = r.After,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, cancellationToken: ct);
        return stream.ToArray();
    }

    private IQueryable<AuditEntryRecord> Filtered(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        staff.EnsureRole(Roles.SystemAdministrator, Roles.DisclosureOffice);
        var query = db.AuditEntries.AsNoTracking();
        if (!staff.IsUnrestricted)
        {
            var visible = staff.VisibleAgencies!.ToList();
            var admin = staff.IsInRole(Roles.SystemAdministrator);
            query = query.Where(e => (e.ActingAgencyId != null && visible.Contains(e.ActingAgencyId.Value)) || (admin && e.ActingAgencyId == null));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var t = filter.Text.Trim();
            query = query.Where(e => e.Action.Contains(t) || e.EntityId.Contains(t) || (e.After != null && e.After.Contains(t)) || (e.Before != null && e.Before.Contains(t)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var a = filter.Actor.Trim();
            query = query.Where(e => e.Actor.Contains(a));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        // Dates are the agencies' local dates (UTC+8); compare on UTC instants.
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            query = query.Where(e => e.At < end);
        }

        return query;
    }

    private static IQueryable<AuditRow> Project(IQueryable<AuditEntryRecord> q) =>
        q.Select(e => new AuditRow(e.Id, e.At, e.Actor, e.ActingAgencyId, e.Action, e.EntityType, e.EntityId, e.Operation, e.Before, e.After));
}
