using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Cases;

namespace Gongkai.Web.Pages.Admin.Applications;

/// <summary>The Chinese words of the application pages: queue tabs, the choices of the intake form, history kinds.</summary>
public static class CaseText
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Queue(CaseQueue queue) => queue switch
    {
        CaseQueue.All => "全部",
        CaseQueue.Open => "办理中",
        CaseQueue.AwaitingConfirmation => "待确认收到",
        CaseQueue.AwaitingCorrection => "待补正",
        CaseQueue.DueSoon => "即将到期",
        CaseQueue.Overdue => "已超期",
        CaseQueue.AwaitingService => "待送达",
        CaseQueue.Closed => "已办结",
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    };

    /// <summary>What an empty queue says.</summary>
    public static string EmptyQueue(CaseQueue queue) => queue switch
    {
        CaseQueue.All => "还没有登记任何申请。收到申请后请点击“登记申请”。",
        CaseQueue.Open => "没有正在办理的申请。",
        CaseQueue.AwaitingConfirmation => "没有等待确认收到的申请。",
        CaseQueue.AwaitingCorrection => "没有等待申请人补正的申请。",
        CaseQueue.DueSoon => $"没有在 {ListApplications.DueSoonWorkingDays} 个工作日内到期的申请。",
        CaseQueue.Overdue => "没有超过答复期限的申请。",
        CaseQueue.AwaitingService => "没有已作出决定、等待送达的申请。",
        CaseQueue.Closed => "没有已办结的申请。",
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    };

    public static string Applicant(ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.CommercialEnterprise => "商业企业",
        ApplicantType.ResearchInstitution => "科研机构",
        ApplicantType.SocialWelfareOrganization => "社会公益组织",
        ApplicantType.LegalServiceInstitution => "法律服务机构",
        ApplicantType.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string IdDocument(IdDocumentType type) => type switch
    {
        IdDocumentType.ResidentIdCard => "居民身份证",
        IdDocumentType.CreditCode => "统一社会信用代码",
        IdDocumentType.Passport => "护照",
        IdDocumentType.Other => "其他身份证件",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Provision(ProvisionForm form) => form switch
    {
        ProvisionForm.Paper => "纸质",
        ProvisionForm.Email => "电子邮件",
        ProvisionForm.ElectronicCopy => "光盘或复制电子数据",
        ProvisionForm.Inspection => "查阅、抄录",
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    public static string Delivery(DeliveryMethod method) => method switch
    {
        DeliveryMethod.Collect => "自行领取",
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Electronic => "电子方式（电子邮件、网上）",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static string Purpose(AttachmentPurpose purpose) => purpose switch
    {
        AttachmentPurpose.Application => "申请材料",
        AttachmentPurpose.Correction => "补正材料",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    public static string Consultation(PauseReason reason) => reason switch
    {
        PauseReason.ThirdPartyConsultation => "征求第三方意见（条例第三十二条）",
        PauseReason.CoMakerConsultation => "征求其他机关意见（条例第三十四条）",
        PauseReason.FeeNotice => "收费通知",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>The name of a history entry: a step of the procedure or one of the other kinds.</summary>
    public static string EventKind(string kind) => kind switch
    {
        CaseEvents.Registered => "登记申请",
        CaseEvents.ApplicantCorrected => "申请人补正",
        CaseEvents.CalendarRecomputed => "工作日历更新后重新计算",
        CaseEvents.RecordCorrected => "更正办结记录",
        "Submitted" => "网上提交申请",
        "IssueLetter" => "出具文书",
        _ => Enum.TryParse<CaseAction>(kind, out var action) ? CaseLifecycle.Name(action) : kind,
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
