using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Gongkai.Core.Agencies;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.PersonalData;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

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
}

/// <summary>
/// 登记申请: staff register an application that arrived on any channel (当面、信件、传真、电子邮件、口头代填、网上).
/// In person, oral and signed-for post are received on arrival; the others when both sides confirm (第三十一条).
/// The applicant's ID and phone numbers are stored encrypted; the 受理编号 comes from the agency's pattern and is
/// unique even when several clerks register at once.
/// </summary>
[AuditAction("登记申请")]
public sealed partial class RegisterApplication(GongkaiDbContext db, StaffContext staff, AuditContext audit, PersonalDataProtector protector, TimeProvider clock)
{
    public const int MaxDescriptionLength = 4000;

    public async Task<ApplicationRecord> ExecuteAsync(ApplicationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureRole(Roles.Clerk, Roles.SystemAdministrator);
        staff.EnsureCanSee(input.AgencyId);
        using var _ = audit.Begin(this);
        var clean = Validate(input);
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == clean.AgencyId, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到受理机关。");
        if (!agency.ReceivesApplications)
        {
            throw new DomainException("case.agency_does_not_receive", $"{agency.Name}不单独受理政府信息公开申请，请由其上级机关登记。");
        }

        var domain = new ApplicationCase(clean.Channel, clean.Arrived);
        for (var attempt = 1; ; attempt++)
        {
            var year = clean.Arrived.Year;
            var sequence = await db.CaseNumberSequences.SingleOrDefaultAsync(s => s.AgencyId == agency.Id && s.Year == year, ct);
            if (sequence is null)
            {
                sequence = new CaseNumberSequenceRecord { AgencyId = agency.Id, Year = year, Next = 1 };
                db.CaseNumberSequences.Add(sequence);
            }

            var serial = sequence.Next;
            sequence.Next = serial + 1;
            var record = new ApplicationRecord
            {
                AgencyId = agency.Id,
                CaseNumber = FormatCaseNumber(agency.CaseNumberPattern, agency.ShortName, year, serial),
                ApplicantType = clean.ApplicantType,
                ApplicantName = clean.ApplicantName,
                IdDocumentType = clean.IdDocumentType,
                IdNumberProtected = protector.Protect(clean.IdNumber)!,
                IdNumberIndex = protector.BlindIndex(clean.IdNumber),
                PhoneProtected = protector.Protect(clean.Phone)!,
                ContactPerson = clean.ContactPerson,
                Email = clean.Email,
                Address = clean.Address,
                PostalCode = clean.PostalCode,
                Description = clean.Description,
                ProvisionForm = clean.ProvisionForm,
                DeliveryMethod = clean.DeliveryMethod,
                Channel = clean.Channel,
                Arrived = clean.Arrived,
                RegisteredAt = clock.GetUtcNow(),
                RegisteredBy = staff.DisplayName,
                Version = 1,
            };
            record.Apply(domain.ToSnapshot());
            db.Applications.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return record;
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Another clerk took this serial at the same moment: take the next one.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Fills the agency's pattern: {简称}, {YYYY}, and {NNN…} (the serial, zero-padded to the number of N).</summary>
    public static string FormatCaseNumber(string pattern, string shortName, int year, int serial)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = pattern.Replace("{简称}", shortName, StringComparison.Ordinal).Replace("{YYYY}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return SerialPlaceholder().Replace(text, m => serial.ToString(CultureInfo.InvariantCulture).PadLeft(m.Length - 2, '0'));
    }

    private ApplicationInput Validate(ApplicationInput i)
    {
        var v = new Validation()
            .Require(nameof(i.ApplicantName), i.ApplicantName, i.ApplicantType == ApplicantType.NaturalPerson ? "申请人姓名" : "申请单位名称", 200)
            .Require(nameof(i.IdNumber), i.IdNumber, "证件号码", 50)
            .Require(nameof(i.Phone), i.Phone, "联系电话", 30)
            .Require(nameof(i.Description), i.Description, "所需信息的描述", MaxDescriptionLength)
            .MaxLength(nameof(i.ContactPerson), i.ContactPerson, "联系人", 100)
            .MaxLength(nameof(i.Email), i.Email, "电子邮箱", 200)
            .MaxLength(nameof(i.Address), i.Address, "通信地址", 300)
            .MaxLength(nameof(i.PostalCode), i.PostalCode, "邮政编码", 10);
        foreach (var (field, ok) in new[]
                 {
                     (nameof(i.ApplicantType), Enum.IsDefined(i.ApplicantType)), (nameof(i.IdDocumentType), Enum.IsDefined(i.IdDocumentType)),
                     (nameof(i.ProvisionForm), Enum.IsDefined(i.ProvisionForm)), (nameof(i.DeliveryMethod), Enum.IsDefined(i.DeliveryMethod)),
                     (nameof(i.Channel), Enum.IsDefined(i.Channel)),
                 })
        {
            if (!ok)
            {
                v.Add(field, "请选择一项。");
            }
        }

        var id = i.IdNumber.Trim().ToUpperInvariant();
        if (id.Length > 0 && i.IdDocumentType == IdDocumentType.ResidentIdCard && !ResidentIdNumber.TryParse(id, out _, out var idError))
        {
            v.Add(nameof(i.IdNumber), idError);
        }

        if (id.Length > 0 && i.IdDocumentType == IdDocumentType.CreditCode && !CreditCode.TryParse(id, out _, out var codeError))
        {
            v.Add(nameof(i.IdNumber), codeError);
        }

        if (i.ApplicantType == ApplicantType.NaturalPerson && i.IdDocumentType == IdDocumentType.CreditCode)
        {
            v.Add(nameof(i.IdDocumentType), "自然人请选择居民身份证、护照或其他身份证件。");
        }

        var phone = i.Phone.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
        {
            v.Add(nameof(i.Phone), "联系电话应为手机号码或带区号的固定电话，如 13912345678 或 0472-5990381。");
        }

        if (!string.IsNullOrWhiteSpace(i.Email) && !MailAddress.TryCreate(i.Email.Trim(), out _))
        {
            v.Add(nameof(i.Email), "电子邮箱格式不正确。");
        }

        if (i.DeliveryMethod == DeliveryMethod.Post && string.IsNullOrWhiteSpace(i.Address))
        {
            v.Add(nameof(i.Address), "选择邮寄时请填写通信地址。");
        }

        if ((i.ProvisionForm == ProvisionForm.Email || i.DeliveryMethod == DeliveryMethod.Electronic) && string.IsNullOrWhiteSpace(i.Email))
        {
            v.Add(nameof(i.Email), "选择电子方式获取时请填写电子邮箱。");
        }

        if (i.Arrived > DateOnly.FromDateTime(clock.GetUtcNow().AddHours(8).DateTime))
        {
            v.Add(nameof(i.Arrived), "收到日期不能晚于今天。");
        }

        v.ThrowIfInvalid();
        return i with
        {
            ApplicantName = i.ApplicantName.Trim(),
            IdNumber = id,
            Phone = phone,
            ContactPerson = NullIfBlank(i.ContactPerson),
            Email = NullIfBlank(i.Email),
            Address = NullIfBlank(i.Address),
            PostalCode = NullIfBlank(i.PostalCode),
            Description = i.Description.Trim(),
        };
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"\{N+\}")]
    private static partial Regex SerialPlaceholder();

    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$")]
    private static partial Regex PhonePattern();
}
