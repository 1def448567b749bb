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

    /// <summary>政府信息公开申请 or 更正申请 (第四十一条).</summary>
    public CaseType Type { get; set; }

    /// <summary>The applicant's 查询码 for the public tracking page, encrypted (shown again on a repeated submit).</summary>
    public string? QueryCodeProtected { get; set; }

    /// <summary>The applicant account the application belongs to, when the applicant applied signed in or linked it.</summary>
    public string? ApplicantUserId { get; set; }

    /// <summary>The key of the submit that created it (a form token or an API Idempotency-Key): a repeated submit finds this case.</summary>
    public string? IdempotencyKey { get; set; }

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

    /// <summary>How receipt was confirmed (e.g. the applicant could not be reached at first: the clock starts on the day contact was made).</summary>
    public string? ReceiptNote { get; set; }

    /// <summary>补正告知书的内容: every point to correct, with guidance (第三十条).</summary>
    public string? CorrectionPoints { get; set; }

    /// <summary>What the applicant supplied in correction (online, or as recorded by staff).</summary>
    public string? CorrectionReply { get; set; }

    public DateOnly? CorrectionRequested { get; set; }

    public DateOnly? CorrectionDeadline { get; set; }

    public DateOnly? CorrectionReceived { get; set; }

    public int ExtensionWorkingDays { get; set; }

    public string? ExtensionApprover { get; set; }

    public string? ExtensionReason { get; set; }

    public DateOnly? FeePaymentDeadline { get; set; }

    /// <summary>信息处理费: the one method used for this application (国办函〔2020〕109号), when a fee notice was sent.</summary>
    public Core.Fees.FeeMethod? FeeMethod { get; set; }

    /// <summary>按量计收: the pages charged.</summary>
    public int? FeePages { get; set; }

    /// <summary>按件计收: this application's place among the applicant's applications received in the natural month.</summary>
    public int? FeeNthInMonth { get; set; }

    /// <summary>The amount in whole yuan stated on the fee notice.</summary>
    public long? FeeYuan { get; set; }

    /// <summary>The day the fee was paid (the amount counts as collected in that year, annual report section 六).</summary>
    public DateOnly? FeePaid { get; set; }

    public DecisionType? Decision { get; set; }

    public DateOnly? Decided { get; set; }

    public string? HoldingAgency { get; set; }

    public DateOnly? Served { get; set; }

    /// <summary>答复内容摘要, shown to the applicant with the decision.</summary>
    public string? DecisionSummary { get; set; }

    public ServiceMethod? ServiceMethod { get; set; }

    /// <summary>送达凭证: signature, 交邮 tracking number, e-mail receipt.</summary>
    public string? ServiceEvidence { get; set; }

    /// <summary>邮件号码 of a postal service (China Post), printed on the 交寄清单.</summary>
    public string? ServiceTrackingNumber { get; set; }

    /// <summary>The agency entrusted with service (委托其他行政机关代为送达).</summary>
    public string? ServiceEntrustedTo { get; set; }

    /// <summary>第三十五条 longer deadline and its reason.</summary>
    public DateOnly? LongerDue { get; set; }

    public string? LongerDueReason { get; set; }

    /// <summary>
    /// The answer due date as last computed from the facts (at each step and when the calendar is reloaded), kept only so
    /// that queues can be filtered and sorted by it; pages always show the date computed afresh with its explanation.
    /// </summary>
    public DateOnly? DueDate { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public DateTimeOffset RegisteredAt { get; set; }

    public string RegisteredBy { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency: concurrent steps on one case are detected.</summary>
    public int Version { get; set; }

    public List<ApplicationPauseRecord> Pauses { get; set; } = [];

    /// <summary>The ID number as shown in lists: a 统一社会信用代码 is public and shown whole, a person's document masked.</summary>
    public string MaskIdNumber(string? idNumber) => IdDocumentType == IdDocumentType.CreditCode ? idNumber ?? string.Empty : Core.PersonalData.Masking.IdNumber(idNumber);

    public ApplicationCaseSnapshot Snapshot() => new(
        Channel, Arrived, State, Received, CorrectionRequested, CorrectionDeadline, CorrectionReceived, ExtensionWorkingDays,
        ExtensionApprover, ExtensionReason, [.. Pauses.OrderBy(p => p.Sequence).Select(p => new ClockPause(p.Reason, p.From, p.Until, p.Limit))],
        FeePaymentDeadline, Decision, Decided, HoldingAgency, Served, Type, LongerDue, LongerDueReason);

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
        LongerDue = s.LongerDue;
        LongerDueReason = s.LongerDueReason;
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

    /// <summary>The consulted third party or agency (第三十二条、第三十四条).</summary>
    public string? Party { get; set; }

    /// <summary>The day the consulted party received the letter: its 15 working days count from here.</summary>
    public DateOnly? LetterReceived { get; set; }
}

/// <summary>送达方式 (国办公开办函〔2016〕235号).</summary>
public enum ServiceMethod
{
    /// <summary>直接送达 (on time by the applicant's signature day)</summary>
    Direct,

    /// <summary>委托其他行政机关代为送达 (signature day)</summary>
    Entrusted,

    /// <summary>邮政送达 (on time by 交邮之日, through China Post)</summary>
    Postal,

    /// <summary>电子送达 (e-mail, online)</summary>
    Electronic,
}

/// <summary>
/// One step in an application's history (条例第四十五条: 登记、审核、办理、答复、归档 — who, when, what). Append-only:
/// the database refuses to change or delete it. Steps shown to the applicant on the tracking page are marked.
/// </summary>
public sealed class ApplicationEventRecord
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = string.Empty;

    /// <summary>The step (a <see cref="CaseAction"/> name, or Registered, Submitted, ApplicantCorrected, CalendarRecomputed, RecordCorrected).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The procedural date of the step (e.g. the day the letter was sent), when it has one.</summary>
    public DateOnly? OnDate { get; set; }

    /// <summary>What happened, in Chinese.</summary>
    public string Summary { get; set; } = string.Empty;

    public CaseState StateAfter { get; set; }

    public DateOnly? DueBefore { get; set; }

    public DateOnly? DueAfter { get; set; }

    public bool VisibleToApplicant { get; set; }

    /// <summary>The submit key of the request that made the step: a repeated submit is recognised and not applied twice.</summary>
    public string? RequestKey { get; set; }
}

/// <summary>Why a file is attached to an application.</summary>
public enum AttachmentPurpose
{
    /// <summary>申请材料</summary>
    Application,

    /// <summary>补正材料</summary>
    Correction,
}

/// <summary>A file that came with an application (kept in the file store; metadata here).</summary>
public sealed class ApplicationAttachmentRecord
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public AttachmentPurpose Purpose { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string StorageKey { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>The next 受理编号 serial of an agency in a year.</summary>
public sealed class CaseNumberSequenceRecord
{
    public int AgencyId { get; set; }

    public int Year { get; set; }

    public int Next { get; set; }
}
