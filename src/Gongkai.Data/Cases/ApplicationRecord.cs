using Gongkai.Core.Cases;

namespace Gongkai.Data.Cases;

/// <summary>申请人类型 (the columns of table 三).</summary>
public enum ApplicantType
{
    /// <summary>自然人</summary>
    NaturalPerson,

    /// <summary>商业企业</summary>
    CommercialEnterprise,

    /// <summary>科研机构</summary>
    ResearchInstitution,

    /// <summary>社会公益组织</summary>
    SocialWelfareOrganization,

    /// <summary>法律服务机构</summary>
    LegalServiceInstitution,

    /// <summary>其他</summary>
    Other,
}

/// <summary>身份证明的种类.</summary>
public enum IdDocumentType
{
    /// <summary>居民身份证 (checked by its check character)</summary>
    ResidentIdCard,

    /// <summary>统一社会信用代码 (organisations; checked by its check character)</summary>
    CreditCode,

    /// <summary>护照</summary>
    Passport,

    /// <summary>港澳台居民居住证、来往内地通行证等其他证件</summary>
    Other,
}

/// <summary>获取信息的方式 (form of provision, 第二十九条).</summary>
public enum ProvisionForm
{
    /// <summary>纸质</summary>
    Paper,

    /// <summary>电子邮件</summary>
    Email,

    /// <summary>光盘/复制电子数据</summary>
    ElectronicCopy,

    /// <summary>查阅、抄录</summary>
    Inspection,
}

/// <summary>获取方式 (how to receive it).</summary>
public enum DeliveryMethod
{
    /// <summary>自行领取</summary>
    Collect,

    /// <summary>邮寄</summary>
    Post,

    /// <summary>电子（电子邮件、网上）</summary>
    Electronic,
}

/// <summary>
/// An application for government information (依申请公开) as stored: the applicant (personal data encrypted), what
/// is asked, and the procedure's facts — never a computed due date, which is derived from the facts on the official
/// calendar whenever it is shown.
/// </summary>
public sealed class ApplicationRecord
{
    public long Id { get; set; }

    /// <summary>The receiving agency, which answers in its own name.</summary>
    public int AgencyId { get; set; }

    /// <summary>The unit of the tree assigned to prepare the answer (承办单位), if any.</summary>
    public int? AssignedAgencyId { get; set; }

    /// <summary>受理编号, unique; from the agency's pattern.</summary>
    public string CaseNumber { get; set; } = string.Empty;

    public ApplicantType ApplicantType { get; set; }

    public string ApplicantName { get; set; } = string.Empty;

    public IdDocumentType IdDocumentType { get; set; }

    /// <summary>Encrypted (PersonalDataProtector).</summary>
    public string IdNumberProtected { get; set; } = string.Empty;

    /// <summary>Keyed blind index of the ID number: the same applicant across applications (fees, repeated applications).</summary>
    public string IdNumberIndex { get; set; } = string.Empty;

    /// <summary>Encrypted (PersonalDataProtector).</summary>
    public string PhoneProtected { get; set; } = string.Empty;

    public string? ContactPerson { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>所需信息的名称、文号或者便于查询的其他特征性描述.</summary>
    public string Description { get; set; } = string.Empty;

    public ProvisionForm ProvisionForm { get; set; }

    public DeliveryMethod DeliveryMethod { get; set; }

    public Channel Channel { get; set; }

    public DateOnly Arrived { get; set; }

    public CaseState State { get; set; }

    public DateOnly? Received { get; set; }

    public DateOnly? CorrectionRequested { get; set; }

    public DateOnly? CorrectionDeadline { get; set; }

    public DateOnly? CorrectionReceived { get; set; }

    public int ExtensionWorkingDays { get; set; }

    public string? ExtensionApprover { get; set; }

    public string? ExtensionReason { get; set; }

    public DateOnly? FeePaymentDeadline { get; set; }

    public DecisionType? Decision { get; set; }

    public DateOnly? Decided { get; set; }

    public string? HoldingAgency { get; set; }

    public DateOnly? Served { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public string RegisteredBy { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency: concurrent steps on one case are detected.</summary>
    public int Version { get; set; }

    public List<ApplicationPauseRecord> Pauses { get; set; } = [];

    public ApplicationCaseSnapshot Snapshot() => new(
        Channel, Arrived, State, Received, CorrectionRequested, CorrectionDeadline, CorrectionReceived, ExtensionWorkingDays,
        ExtensionApprover, ExtensionReason, [.. Pauses.OrderBy(p => p.Sequence).Select(p => new ClockPause(p.Reason, p.From, p.Until, p.Limit))],
        FeePaymentDeadline, Decision, Decided, HoldingAgency, Served);

    /// <summary>Copies the procedure's facts back from the domain after a step.</summary>
    public void Apply(ApplicationCaseSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        State = s.State;
        Received = s.Received;
        CorrectionRequested = s.CorrectionRequested;
        CorrectionDeadline = s.CorrectionDeadline;
        CorrectionReceived = s.CorrectionReceived;
        ExtensionWorkingDays = s.ExtensionWorkingDays;
        ExtensionApprover = s.ExtensionApprover;
        ExtensionReason = s.ExtensionReason;
        FeePaymentDeadline = s.FeePaymentDeadline;
        Decision = s.Decision;
        Decided = s.Decided;
        HoldingAgency = s.HoldingAgency;
        Served = s.Served;
        for (var i = 0; i < s.Pauses.Count; i++)
        {
            var p = s.Pauses[i];
            var existing = Pauses.SingleOrDefault(x => x.Sequence == i + 1);
            if (existing is null)
            {
                Pauses.Add(new ApplicationPauseRecord { ApplicationId = Id, Sequence = i + 1, Reason = p.Reason, From = p.From, Until = p.Until, Limit = p.Limit });
            }
            else
            {
                existing.Until = p.Until;
                existing.Limit = p.Limit;
            }
        }
    }
}

/// <summary>A pause of the answer clock (consultation, fee notice).</summary>
public sealed class ApplicationPauseRecord
{
    public long ApplicationId { get; set; }

    public int Sequence { get; set; }

    public PauseReason Reason { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? Until { get; set; }

    public DateOnly? Limit { get; set; }
}

/// <summary>The next 受理编号 serial of an agency in a year.</summary>
public sealed class CaseNumberSequenceRecord
{
    public int AgencyId { get; set; }

    public int Year { get; set; }

    public int Next { get; set; }
}
