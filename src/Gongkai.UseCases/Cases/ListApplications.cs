using Gongkai.Core.Cases;
using Gongkai.Core.PersonalData;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

public sealed record ApplicationListItem(long Id, string CaseNumber, int AgencyId, string ApplicantName, string IdNumberMasked, string PhoneMasked, CaseState State, DateOnly Arrived, DateOnly? Received, AnswerDeadline? Deadline);

/// <summary>
/// 申请列表: the applications of the agencies this user may see (received by them or assigned to them), newest first,
/// with each answer deadline computed from the facts on the official calendar. Personal data is masked.
/// </summary>
[ReadOnlyUseCase]
public sealed class ListApplications(GongkaiDbContext db, StaffContext staff, PersonalDataProtector protector, CalendarProvider calendars)
{
    public async Task<Page<ApplicationListItem>> ExecuteAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var visible = staff.VisibleAgencies?.ToList();
        var query = db.Applications.AsNoTracking()
            .Where(a => visible == null || visible.Contains(a.AgencyId) || (a.AssignedAgencyId != null && visible.Contains(a.AssignedAgencyId.Value)));
        var total = await query.CountAsync(ct);
        var p = PageRequest.Normalise(page, pageSize, total);
        var rows = await query.OrderByDescending(a => a.Id).Skip((p.Page - 1) * p.PageSize).Take(p.PageSize).Include(a => a.Pauses).ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        var items = rows.Select(a => new ApplicationListItem(
            a.Id,
            a.CaseNumber,
            a.AgencyId,
            a.ApplicantName,
            a.IdDocumentType == IdDocumentType.CreditCode ? protector.Unprotect(a.IdNumberProtected)! : Masking.IdNumber(protector.Unprotect(a.IdNumberProtected)),
            Masking.Phone(protector.Unprotect(a.PhoneProtected)),
            a.State,
            a.Arrived,
            a.Received,
            ApplicationCase.Restore(a.Snapshot()).Deadline(calendar))).ToList();
        return new Page<ApplicationListItem>(items, p.Page, p.PageSize, total);
    }
}
