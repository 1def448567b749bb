using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.Data.Notifications;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Notifications;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongkai.UseCases.Cases;

/// <summary>One application that is due soon or overdue on a given day.</summary>
public sealed record DueCase(long Id, string CaseNumber, int AgencyId, string AgencyName, int UnitId, string UnitName, CaseState State, DateOnly Due, bool Provisional, bool Overdue, int WorkingDaysLeft);

/// <summary>The due-soon and overdue applications on a day, per handling unit (assigned unit, else the receiving agency).</summary>
public sealed record DueCasesReport(DateOnly On, int DueSoonWorkingDays, IReadOnlyList<DueCase> DueSoon, IReadOnlyList<DueCase> Overdue);

/// <summary>
/// 到期和超期申请: the open applications (answer clock running, not paused) due within the configured working days of
/// <c>on</c>, and those already past their due date, among the agencies this user may see. Due dates are recomputed
/// from the facts on the official calendar; the stored copy only narrows the query.
/// </summary>
[ReadOnlyUseCase]
public sealed class ListDueCases(GongkaiDbContext db, StaffContext staff, CalendarProvider calendars, IOptions<GongkaiOptions> options)
{
    public async Task<DueCasesReport> ExecuteAsync(DateOnly on, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(db, ct);
        var days = Math.Clamp(options.Value.Reminders.DueSoonWorkingDays, 1, 20);
        var horizon = calendar.AddWorkingDays(on, days).Date;
        // Only the columns the deadline and the report need: not the request's text or the encrypted personal data.
        var rows = await db.Applications.AsNoTracking()
            .ClockRunning()
            .Where(a => a.DueDate != null && a.DueDate <= horizon)
            .VisibleTo(staff)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new ApplicationRecord
            {
                Id = a.Id,
                CaseNumber = a.CaseNumber,
                AgencyId = a.AgencyId,
                AssignedAgencyId = a.AssignedAgencyId,
                Type = a.Type,
                Channel = a.Channel,
                Arrived = a.Arrived,
                State = a.State,
                Received = a.Received,
                CorrectionRequested = a.CorrectionRequested,
                CorrectionDeadline = a.CorrectionDeadline,
                CorrectionReceived = a.CorrectionReceived,
                ExtensionWorkingDays = a.ExtensionWorkingDays,
                ExtensionApprover = a.ExtensionApprover,
                ExtensionReason = a.ExtensionReason,
                FeePaymentDeadline = a.FeePaymentDeadline,
                Decision = a.Decision,
                Decided = a.Decided,
                HoldingAgency = a.HoldingAgency,
                Served = a.Served,
                LongerDue = a.LongerDue,
                LongerDueReason = a.LongerDueReason,
                Pauses = a.Pauses.ToList(),
            })
            .ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var soon = new List<DueCase>();
        var overdue = new List<DueCase>();
        foreach (var a in rows)
        {
            if (ApplicationCase.Restore(a.Snapshot()).Deadline(calendar) is not { IsPaused: false } d)
            {
                continue;
            }

            var due = d.Due.Date;
            var unit = a.AssignedAgencyId ?? a.AgencyId;
            var left = due >= on ? calendar.CountWorkingDays(on, due) : -calendar.CountWorkingDays(due, on);
            var item = new DueCase(a.Id, a.CaseNumber, a.AgencyId, names.GetValueOrDefault(a.AgencyId, "?"), unit, names.GetValueOrDefault(unit, "?"), a.State, due, d.IsProvisional, due < on, left);
            if (due < on)
            {
                overdue.Add(item);
            }
            else if (due <= horizon)
            {
                soon.Add(item);
            }
        }

        return new DueCasesReport(on, days, soon, overdue);
    }
}

/// <summary>What a reminder run did.</summary>
public sealed record ReminderRunResult(DateOnly On, int DueSoon, int Overdue, int Notified, int Emailed, string? MailError);

/// <summary>
/// 发送到期提醒: the daily detection. For each due-soon or overdue application, an in-app notice goes to the staff of
/// the handling unit (承办人, 审核人, 工作机构负责人) and to the 政务公开办 above it; accounts with an e-mail address
/// get one digest by e-mail when an SMTP server is configured. A second run on the same day adds nothing.
/// </summary>
[AuditAction("发送到期提醒")]
public sealed class SendDueReminders(GongkaiDbContext db, StaffContext staff, AuditContext audit, ListDueCases list, IMailSender mail, AgencyClock clock, ILogger<SendDueReminders> log)
{
    /// <summary>The system setting holding the last day a detection ran (YYYY-MM-DD).</summary>
    public const string LastRunKey = "reminders.last_run";

    private const int ExistingKeysPerQuery = 5000;

    private static readonly string[] HandlingRoles = [Roles.Clerk, Roles.Reviewer, Roles.OfficeHead];

    public async Task<ReminderRunResult> ExecuteAsync(DateOnly on, CancellationToken ct = default)
    {
        staff.EnsureRole(Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        var report = await list.ExecuteAsync(on, ct);
        var tree = await AgencyTree.LoadAsync(db, ct);
        var members = await (from m in db.AgencyMemberships
                             join ur in db.UserRoles on m.UserId equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             select new { m.UserId, m.AgencyId, Role = r.Name! }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsApplicant).ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.Email }, ct);
        var supervised = members.Where(m => m.Role == Roles.DisclosureOffice).Select(m => m.AgencyId).Distinct()
            .ToDictionary(id => id, id => tree.SupervisedBy(id).ToHashSet());

        // The recipients depend only on the handling unit: worked out once per unit, not once per case.
        var recipientsOf = new Dictionary<int, List<string>>();
        List<string> Recipients(int unitId)
        {
            if (!recipientsOf.TryGetValue(unitId, out var ids))
            {
                ids = members
                    .Where(m => (m.AgencyId == unitId && HandlingRoles.Contains(m.Role))
                                || (m.Role == Roles.DisclosureOffice && supervised[m.AgencyId].Contains(unitId)))
                    .Select(m => m.UserId).Distinct().ToList();
                recipientsOf[unitId] = ids;
            }

            return ids;
        }

        var now = clock.UtcNow;
        var created = new List<NotificationRecord>();
        foreach (var c in report.Overdue.Concat(report.DueSoon))
        {
            var recipients = Recipients(c.UnitId);
            var kind = c.Overdue ? "CaseOverdue" : "CaseDueSoon";
            var title = c.Overdue ? $"申请 {c.CaseNumber} 已超过答复期限" : $"申请 {c.CaseNumber} 将于 {c.Due:yyyy-MM-dd} 到期";
            var body = c.Overdue
                ? $"{c.UnitName}承办的申请 {c.CaseNumber} 答复截止日为 {c.Due:yyyy-MM-dd}，已超期 {-c.WorkingDaysLeft} 个工作日，请尽快答复并送达。"
                : $"{c.UnitName}承办的申请 {c.CaseNumber} 答复截止日为 {c.Due:yyyy-MM-dd}，还剩 {c.WorkingDaysLeft} 个工作日{(c.Provisional ? "（日期为临时结果，相关年度日历尚未导入）" : string.Empty)}。";
            foreach (var userId in recipients)
            {
                created.Add(new NotificationRecord
                {
                    UserId = userId,
                    At = now,
                    Kind = kind,
                    Key = $"{kind}:{c.Id}:{on:yyyyMMdd}",
                    Title = title,
                    Body = body,
                    Link = $"/Admin/Applications/{c.Id}",
                });
            }
        }

        // The notices already sent for these cases on this day, looked up by (user, key) — the unique index — in
        // batches, since a database takes a limited number of parameters in one statement (SQLite 32,766).
        var recipientIds = created.Select(n => n.UserId).Distinct().ToList();
        var existing = new HashSet<(string UserId, string Key)>();
        foreach (var batch in created.Select(n => n.Key).Distinct().Chunk(ExistingKeysPerQuery))
        {
            var found = await db.Notifications.AsNoTracking()
                .Where(n => recipientIds.Contains(n.UserId) && batch.Contains(n.Key))
                .Select(n => new { n.UserId, n.Key })
                .ToListAsync(ct);
            existing.UnionWith(found.Select(n => (n.UserId, n.Key)));
        }

        var fresh = created.Where(n => !existing.Contains((n.UserId, n.Key))).ToList();
        db.Notifications.AddRange(fresh);
        var mark = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var last = await db.SystemSettings.SingleOrDefaultAsync(s => s.Key == LastRunKey, ct);
        if (last is null)
        {
            db.SystemSettings.Add(new SystemSettingRecord { Key = LastRunKey, Value = mark });
        }
        else if (string.CompareOrdinal(last.Value, mark) < 0)
        {
            last.Value = mark;
        }

        await db.SaveChangesAsync(ct);

        var emailed = 0;
        string? mailError = null;
        var digests = fresh.GroupBy(n => n.UserId)
            .Where(g => users.TryGetValue(g.Key, out var u) && !string.IsNullOrWhiteSpace(u.Email))
            .Select(g => (Notices: g.ToList(), Message: new MailMessageToSend(
                users[g.Key].Email!,
                users[g.Key].DisplayName,
                $"政府信息公开申请到期提醒（{on:yyyy-MM-dd}）：{g.Count()} 件",
                $"{users[g.Key].DisplayName}，您好：\n\n" + string.Join("\n", g.Select(n => "· " + n.Body)) + "\n\n请登录政府信息公开平台办理。此邮件由系统自动发送。")))
            .ToList();
        if (mail.IsConfigured && digests.Count > 0)
        {
            try
            {
                await mail.SendAsync([.. digests.Select(d => d.Message)], ct);
                foreach (var n in digests.SelectMany(d => d.Notices))
                {
                    n.EmailedAt = clock.UtcNow;
                }

                emailed = digests.Count;
                await db.SaveChangesAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The in-app notices are saved; the e-mails are reported, not retried silently.
                mailError = $"邮件发送失败：{ex.Message}";
                log.LogWarning(ex, "Sending due reminders by e-mail failed");
            }
        }

        return new ReminderRunResult(on, report.DueSoon.Count, report.Overdue.Count, fresh.Count, emailed, mailError);
    }
}
