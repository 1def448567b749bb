using Gongkai.Data.Cases;

namespace Gongkai.Web.Pages.Shared;

/// <summary>The Chinese names of the choices on the application form (申请表), in the order they are offered.</summary>
public static class ApplicationChoices
{
    /// <summary>法人或其他组织的类型 (the columns of table 三 of the annual report).</summary>
    public static IReadOnlyList<ApplicantType> OrganisationTypes { get; } =
        [ApplicantType.CommercialEnterprise, ApplicantType.ResearchInstitution, ApplicantType.SocialWelfareOrganization, ApplicantType.LegalServiceInstitution, ApplicantType.Other];

    public static string Name(ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.CommercialEnterprise => "商业企业",
        ApplicantType.ResearchInstitution => "科研机构",
        ApplicantType.SocialWelfareOrganization => "社会公益组织",
        ApplicantType.LegalServiceInstitution => "法律服务机构",
        ApplicantType.Other => "其他组织",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Name(IdDocumentType type) => type switch
    {
        IdDocumentType.ResidentIdCard => "居民身份证",
        IdDocumentType.CreditCode => "统一社会信用代码",
        IdDocumentType.Passport => "护照",
        IdDocumentType.Other => "其他身份证件（港澳台居民居住证、来往内地通行证、其他登记证件等）",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Name(ProvisionForm form) => form switch
    {
        ProvisionForm.Paper => "纸质",
        ProvisionForm.Email => "电子邮件",
        ProvisionForm.ElectronicCopy => "光盘等电子数据",
        ProvisionForm.Inspection => "当场查阅、抄录",
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    public static string Name(DeliveryMethod method) => method switch
    {
        DeliveryMethod.Collect => "自行领取",
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Electronic => "电子方式（电子邮件、网上）",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
