using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>One item handed to China Post: the tracking number, the recipient and the letters inside.</summary>
public sealed record MailingItem(long ApplicationId, string CaseNumber, string TrackingNumber, string Recipient, string Address, string PostalCode, string Phone, string Contents);

/// <summary>交寄清单 of one sending agency and day.</summary>
public sealed record MailingList(int AgencyId, string AgencyName, string SenderAddress, string SenderPhone, DateOnly PostedOn, IReadOnlyList<MailingItem> Items);

/// <summary>
/// 交寄清单: the replies an agency handed to China Post on a day (邮政送达, the 交邮 date being the service date), with
/// each 邮件号码, recipient, address, telephone and the letters enclosed, to be printed and signed at the post office.
/// It shows applicants' telephone numbers in full, so each printing is written into the audit history.
/// </summary>
[AuditAction("打印交寄清单")]
public sealed class GetMailingList(GongkaiDbContext db, StaffContext staff, AuditContext audit, PersonalDataProtector protector, TimeProvider clock)
{
    public static IReadOnlyList<string> AllowedRoles { get; } = [Roles.Clerk, Roles.Reviewer, Roles.OfficeHead, Roles.DisclosureOffice];

    public async Task<MailingList> ExecuteAsync(int agencyId, DateOnly postedOn, CancellationToken ct = default)
    {
        staff.EnsureRole([.. AllowedRoles]);
        staff.EnsureCanSee(agencyId);
        using var _ = audit.Begin(this);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Name, a.OfficeAddress, a.OfficePhone }).SingleOrDefaultAsync(ct)
            ?? throw new Core.Common.DomainException(StaffContext.NotFoundCode, "找不到该机构。");
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.AgencyId == agencyId && a.ServiceMethod == ServiceMethod.Postal && a.Served == postedOn)
            .OrderBy(a => a.ServiceTrackingNumber).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.CaseNumber, a.ServiceTrackingNumber, a.ApplicantName, a.ContactPerson, a.Address, a.PostalCode, a.PhoneProtected })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var letters = await db.ApplicationLetters.AsNoTracking()
            .Where(l => ids.Contains(l.ApplicationId) && l.ToApplicant && !l.Superseded && l.Kind.StartsWith("Reply."))
            .Select(l => new { l.ApplicationId, l.Title, l.DocumentNumber }).ToListAsync(ct);
        var items = rows.Select(r => new MailingItem(
            r.Id,
            r.CaseNumber,
            r.ServiceTrackingNumber ?? string.Empty,
            string.IsNullOrWhiteSpace(r.ContactPerson) ? r.ApplicantName : $"{r.ApplicantName}（{r.ContactPerson}）",
            r.Address ?? string.Empty,
            r.PostalCode ?? string.Empty,
            protector.Unprotect(r.PhoneProtected) ?? string.Empty,
            Enclosed(letters.Where(l => l.ApplicationId == r.Id).Select(l => l.DocumentNumber is null ? l.Title : $"{l.Title}（{l.DocumentNumber}）")))).ToList();
        var now = clock.GetUtcNow();
        foreach (var item in items)
        {
            db.AuditEntries.Add(audit.Viewed("申请", item.ApplicationId.ToString(CultureInfo.InvariantCulture), "交寄清单（收件人电话）", now));
        }

        await db.SaveChangesAsync(ct);
        return new MailingList(agencyId, agency.Name, agency.OfficeAddress, agency.OfficePhone, postedOn, items);
    }

    /// <summary>The letters in the envelope; a reply entered without its letter is still a 答复书.</summary>
    private static string Enclosed(IEnumerable<string> letters) => letters.Any() ? string.Join("；", letters) : "政府信息公开申请答复书";
}
