using Gongkai.Core.Cases;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;

namespace Gongkai.UseCases.Cases;

/// <summary>What is entered for an application (第二十九条), by the applicant online or by staff at intake.</summary>
public sealed record ApplicationInput
{
    public int AgencyId { get; init; }

    public ApplicantType ApplicantType { get; init; }

    public string ApplicantName { get; init; } = string.Empty;

    public IdDocumentType IdDocumentType { get; init; }

    public string IdNumber { get; init; } = string.Empty;

    public string Phone { get; init; } = string.Empty;

    public string? ContactPerson { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }

    public string? PostalCode { get; init; }

    public string Description { get; init; } = string.Empty;

    public ProvisionForm ProvisionForm { get; init; }

    public DeliveryMethod DeliveryMethod { get; init; }

    public Channel Channel { get; init; }

    /// <summary>The day it arrived (handed in, signed for, submitted online).</summary>
    public DateOnly Arrived { get; init; }

    /// <summary>政府信息公开申请 or 更正申请 (第四十一条).</summary>
    public CaseType Type { get; init; }
}

/// <summary>
/// 登记申请: staff register an application that arrived on any channel (当面、信件、传真、电子邮件、口头代填、网上).
/// In person, oral and signed-for post are received on arrival; the others when both sides confirm (第三十一条).
/// The applicant's ID and phone numbers are stored encrypted; the 受理编号 comes from the agency's pattern and is
/// unique even when several clerks register at once; a repeated submit of the same form finds the same case.
/// </summary>
[AuditAction("登记申请")]
public sealed class RegisterApplication(StaffContext staff, AuditContext audit, ApplicationIntake intake)
{
    public async Task<ApplicationRecord> ExecuteAsync(ApplicationInput input, CancellationToken ct = default) =>
        (await ExecuteAsync(input, [], null, ct)).Application;

    public async Task<IntakeResult> ExecuteAsync(ApplicationInput input, IReadOnlyList<UploadedFile> attachments, string? idempotencyKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureRole(Roles.Clerk, Roles.Reviewer, Roles.OfficeHead, Roles.DisclosureOffice, Roles.SystemAdministrator);
        staff.EnsureCanSee(input.AgencyId);
        using var _ = audit.Begin(this);
        var received = ApplicationCase.ReceivedOnArrival(input.Channel);

        // A key counts only for the account that sent it: another account's key can never find (and reveal) its case.
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null
            : "staff:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{staff.UserId ?? staff.UserName}\n{idempotencyKey}")))[..40];
        return await intake.CreateAsync(input, attachments, key, staff.DisplayName, $"{staff.DisplayName}登记{DecisionCatalog.Name(input.Type)}。", received, ct);
    }
}
