using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

public sealed record ApplicantContact(string IdNumber, string Phone);

/// <summary>
/// 查看申请人完整身份信息: the staff who handle an application (承办人, 审核人, 工作机构负责人 of an agency that may see
/// it) see the applicant's full ID and phone numbers, e.g. to verify identity at service; each view is written into the
/// audit history. 政务公开办 and 系统管理员 supervise without needing them.
/// </summary>
[AuditAction("查看申请人完整身份信息")]
public sealed class RevealApplicantContact(GongkaiDbContext db, StaffContext staff, AuditContext audit, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<ApplicantContact> ExecuteAsync(long applicationId, CancellationToken ct = default)
    {
        staff.EnsureRole(Roles.Clerk, Roles.Reviewer, Roles.OfficeHead);
        using var _ = audit.Begin(this);
        var row = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.AgencyId, a.AssignedAgencyId, a.IdNumberProtected, a.PhoneProtected })
            .SingleOrDefaultAsync(ct);
        if (row is null || !staff.CanSeeApplication(row.AgencyId, row.AssignedAgencyId))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该申请，或您无权查看。");
        }

        db.AuditEntries.Add(audit.Viewed("申请", applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), "证件号码、联系电话", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new ApplicantContact(protector.Unprotect(row.IdNumberProtected)!, protector.Unprotect(row.PhoneProtected)!);
    }
}
