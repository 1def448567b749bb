using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>What the 受理回执 prints: the case, who received it and when, the answer due date and the applicant's 查询码.</summary>
public sealed record ApplicationReceipt(
    string CaseNumber,
    CaseType Type,
    string AgencyName,
    string? OfficeAddress,
    string? OfficePhone,
    string ApplicantName,
    Channel Channel,
    DateOnly Arrived,
    DateOnly? Received,
    AnswerDeadline? Deadline,
    string QueryCode,
    DateTimeOffset RegisteredAt);

/// <summary>
/// 受理回执: the receipt staff print and hand (or post) to the applicant, with the 查询码 for the public tracking page.
/// Only the staff who handle applications of an agency that may see the case read it.
/// </summary>
[ReadOnlyUseCase]
public sealed class GetReceipt(GongkaiDbContext db, StaffContext staff, CaseHistory history, PersonalDataProtector protector)
{
    public async Task<ApplicationReceipt> ExecuteAsync(long applicationId, CancellationToken ct = default)
    {
        staff.EnsureRole(Roles.Clerk, Roles.Reviewer, Roles.OfficeHead, Roles.DisclosureOffice, Roles.SystemAdministrator);
        var loaded = await history.LoadAsync(applicationId, staff, ct);
        var r = loaded.Record;
        db.Entry(r).State = EntityState.Detached;
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId)
            .Select(a => new { a.Name, a.OfficeAddress, a.OfficePhone }).SingleAsync(ct);
        return new ApplicationReceipt(
            r.CaseNumber,
            r.Type,
            agency.Name,
            string.IsNullOrWhiteSpace(agency.OfficeAddress) ? null : agency.OfficeAddress,
            string.IsNullOrWhiteSpace(agency.OfficePhone) ? null : agency.OfficePhone,
            r.ApplicantName,
            r.Channel,
            r.Arrived,
            r.Received,
            loaded.Deadline,
            protector.Unprotect(r.QueryCodeProtected) ?? string.Empty,
            r.RegisteredAt);
    }
}
