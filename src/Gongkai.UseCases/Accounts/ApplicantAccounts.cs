using System.Net.Mail;
using System.Text.RegularExpressions;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Accounts;

/// <summary>
/// The member of the public signed in with an applicant account in this scope, if any (filled by the web app).
/// Applicant accounts never get a <see cref="StaffContext"/>: no roles, no agencies, no back office.
/// </summary>
public sealed class ApplicantContext
{
    public string? UserId { get; private set; }

    public string? DisplayName { get; private set; }

    public bool IsSignedIn => UserId is not null;

    public void Set(string userId, string displayName)
    {
        UserId = userId;
        DisplayName = displayName;
    }

    public string EnsureSignedIn() => UserId ?? throw new DomainException(StaffContext.ForbiddenCode, "请先登录申请人账号。");
}

public sealed record ApplicantAccountInput(string UserName, string DisplayName, string Password, string ConfirmPassword);

/// <summary>
/// 注册申请人账号: optional for applicants (anyone may apply without one). The sign-in name is a mobile number or an
/// e-mail address; the password follows the platform's policy. The account only lists its owner's applications.
/// </summary>
[AuditAction("注册申请人账号")]
public sealed partial class RegisterApplicantAccount(UserManager<GongkaiUser> users, AuditContext audit, TimeProvider clock)
{
    public const string FailedCode = "accounts.applicant_register_failed";

    public async Task<string> ExecuteAsync(ApplicantAccountInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = (input.UserName ?? string.Empty).Trim();
        audit.SetActor($"申请人（{name}）");
        using var scope = audit.Begin(this);
        var v = new Validation()
            .Require(nameof(input.UserName), name, "手机号码或电子邮箱", 100)
            .Require(nameof(input.DisplayName), input.DisplayName, "姓名或单位名称", 100)
            .Require(nameof(input.Password), input.Password, "密码", 100);
        if (name.Length > 0 && !MobilePattern().IsMatch(name) && !MailAddress.TryCreate(name, out _))
        {
            v.Add(nameof(input.UserName), "请填写 11 位手机号码或有效的电子邮箱，作为登录名。");
        }

        if (!string.IsNullOrEmpty(input.Password) && input.Password != input.ConfirmPassword)
        {
            v.Add(nameof(input.ConfirmPassword), "两次输入的密码不一致。");
        }

        v.ThrowIfInvalid();
        ct.ThrowIfCancellationRequested();
        var user = new GongkaiUser { UserName = name, DisplayName = input.DisplayName.Trim(), IsApplicant = true, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code is "DuplicateUserName"))
            {
                throw new ValidationFailedException(new Dictionary<string, string> { [nameof(input.UserName)] = "该手机号码或电子邮箱已注册，请直接登录。" });
            }

            throw new ValidationFailedException(new Dictionary<string, string> { [nameof(input.Password)] = string.Join("", result.Errors.Select(e => e.Description)) });
        }

        return user.Id;
    }

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex MobilePattern();
}

/// <summary>One of the applicant's own applications, with what they need to follow it.</summary>
public sealed record MyApplication(string CaseNumber, string QueryCode, CaseType Type, string AgencyName, DateOnly Arrived, CaseState State, DateOnly? Due, bool DueProvisional, string? DecisionName);

/// <summary>我的申请: the applications that belong to the signed-in applicant account, newest first.</summary>
[ReadOnlyUseCase]
public sealed class ListMyApplications(GongkaiDbContext db, ApplicantContext applicant, PersonalDataProtector protector, CalendarProvider calendars)
{
    public async Task<Page<MyApplication>> ExecuteAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var userId = applicant.EnsureSignedIn();
        var query = db.Applications.AsNoTracking().Where(a => a.ApplicantUserId == userId);
        var total = await query.CountAsync(ct);
        var p = PageRequest.Normalise(page, pageSize, total);
        var rows = await query.OrderByDescending(a => a.Id).Skip((p.Page - 1) * p.PageSize).Take(p.PageSize).Include(a => a.Pauses).ToListAsync(ct);
        var ids = rows.Select(r => r.AgencyId).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var items = rows.Select(r =>
        {
            var due = ApplicationCase.Restore(r.Snapshot()).Deadline(calendar);
            return new MyApplication(
                r.CaseNumber, protector.Unprotect(r.QueryCodeProtected) ?? string.Empty, r.Type, names.GetValueOrDefault(r.AgencyId, string.Empty), r.Arrived, r.State,
                r.Decision is null ? due?.Due.Date : null, due?.IsProvisional ?? false, r.Decision is { } d ? DecisionCatalog.Of(d).Name : null);
        }).ToList();
        return new Page<MyApplication>(items, p.Page, p.PageSize, total);
    }
}

/// <summary>
/// 关联申请: an application made without signing in (or at a counter) is added to the applicant's account with its 受理编号
/// and 查询码. An application already in another account stays there.
/// </summary>
[AuditAction("关联申请到账号")]
public sealed class LinkApplicationToAccount(GongkaiDbContext db, ApplicantContext applicant, AuditContext audit, PersonalDataProtector protector)
{
    public async Task<string> ExecuteAsync(string caseNumber, string queryCode, CancellationToken ct = default)
    {
        var userId = applicant.EnsureSignedIn();
        audit.SetActor($"申请人（{applicant.DisplayName}）", userId);
        using var _ = audit.Begin(this);
        var record = await TrackApplication.FindAsync(db, protector, caseNumber, queryCode, ct, track: true);
        if (record.ApplicantUserId == userId)
        {
            return record.CaseNumber;
        }

        if (record.ApplicantUserId is not null)
        {
            throw new DomainException("case.linked_elsewhere", "该申请已关联到其他账号。");
        }

        record.ApplicantUserId = userId;
        await db.SaveChangesAsync(ct);
        return record.CaseNumber;
    }
}
