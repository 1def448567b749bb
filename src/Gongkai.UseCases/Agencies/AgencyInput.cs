using System.Net.Mail;
using Gongkai.Core.Agencies;
using Gongkai.Core.Common;
using Gongkai.Data.Agencies;

namespace Gongkai.UseCases.Agencies;

/// <summary>What a person enters for an agency (new or edited). <see cref="Normalise"/> trims and validates it.</summary>
public sealed record AgencyInput
{
    public string Name { get; init; } = string.Empty;

    public string ShortName { get; init; } = string.Empty;

    public AgencyKind Kind { get; init; } = AgencyKind.Department;

    public int? ParentId { get; init; }

    public int? SupervisorId { get; init; }

    public string? CreditCode { get; init; }

    public bool ReceivesApplications { get; init; }

    public int SortOrder { get; init; }

    public string OfficeName { get; init; } = string.Empty;

    public string OfficeAddress { get; init; } = string.Empty;

    public string OfficeHours { get; init; } = string.Empty;

    public string OfficePhone { get; init; } = string.Empty;

    public string OfficeFax { get; init; } = string.Empty;

    public string OfficeEmail { get; init; } = string.Empty;

    public string OfficeWebsite { get; init; } = string.Empty;

    public string IndexNumberPattern { get; init; } = AgencyRecord.DefaultIndexNumberPattern;

    public string CaseNumberPattern { get; init; } = AgencyRecord.DefaultCaseNumberPattern;

    public ReportScope ReportScope { get; init; } = ReportScope.Own;

    public static AgencyInput From(AgencyRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AgencyInput
        {
            Name = a.Name,
            ShortName = a.ShortName,
            Kind = a.Kind,
            ParentId = a.ParentId,
            SupervisorId = a.SupervisorId,
            CreditCode = a.CreditCode,
            ReceivesApplications = a.ReceivesApplications,
            SortOrder = a.SortOrder,
            OfficeName = a.OfficeName,
            OfficeAddress = a.OfficeAddress,
            OfficeHours = a.OfficeHours,
            OfficePhone = a.OfficePhone,
            OfficeFax = a.OfficeFax,
            OfficeEmail = a.OfficeEmail,
            OfficeWebsite = a.OfficeWebsite,
            IndexNumberPattern = a.IndexNumberPattern,
            CaseNumberPattern = a.CaseNumberPattern,
            ReportScope = a.ReportScope,
        };
    }

    /// <summary>Trims every text, checks each field (all problems at once), and returns the clean input.</summary>
    public AgencyInput Normalise()
    {
        var clean = this with
        {
            Name = Name.Trim(),
            ShortName = ShortName.Trim(),
            CreditCode = string.IsNullOrWhiteSpace(CreditCode) ? null : CreditCode.Trim().ToUpperInvariant(),
            OfficeName = OfficeName.Trim(),
            OfficeAddress = OfficeAddress.Trim(),
            OfficeHours = OfficeHours.Trim(),
            OfficePhone = OfficePhone.Trim(),
            OfficeFax = OfficeFax.Trim(),
            OfficeEmail = OfficeEmail.Trim(),
            OfficeWebsite = OfficeWebsite.Trim(),
            IndexNumberPattern = string.IsNullOrWhiteSpace(IndexNumberPattern) ? AgencyRecord.DefaultIndexNumberPattern : IndexNumberPattern.Trim(),
            CaseNumberPattern = string.IsNullOrWhiteSpace(CaseNumberPattern) ? AgencyRecord.DefaultCaseNumberPattern : CaseNumberPattern.Trim(),
        };

        var v = new Validation()
            .Require(nameof(Name), clean.Name, "机构名称", 200)
            .Require(nameof(ShortName), clean.ShortName, "简称", 100)
            .MaxLength(nameof(OfficeName), clean.OfficeName, "工作机构名称", 200)
            .MaxLength(nameof(OfficeAddress), clean.OfficeAddress, "办公地址", 300)
            .MaxLength(nameof(OfficeHours), clean.OfficeHours, "办公时间", 200)
            .MaxLength(nameof(OfficePhone), clean.OfficePhone, "联系电话", 100)
            .MaxLength(nameof(OfficeFax), clean.OfficeFax, "传真", 100)
            .MaxLength(nameof(OfficeEmail), clean.OfficeEmail, "电子邮箱", 200)
            .MaxLength(nameof(OfficeWebsite), clean.OfficeWebsite, "网址", 300)
            .MaxLength(nameof(IndexNumberPattern), clean.IndexNumberPattern, "索引号规则", 100)
            .MaxLength(nameof(CaseNumberPattern), clean.CaseNumberPattern, "申请编号规则", 100);
        if (!Enum.IsDefined(clean.Kind))
        {
            v.Add(nameof(Kind), "请选择机构类型。");
        }

        if (!Enum.IsDefined(clean.ReportScope))
        {
            v.Add(nameof(ReportScope), "请选择年度报告范围。");
        }

        if (clean.CreditCode is not null && !Core.Agencies.CreditCode.TryParse(clean.CreditCode, out _, out var codeError))
        {
            v.Add(nameof(CreditCode), codeError);
        }

        if (clean.OfficeEmail.Length > 0 && !MailAddress.TryCreate(clean.OfficeEmail, out _))
        {
            v.Add(nameof(OfficeEmail), "电子邮箱格式不正确。");
        }

        if (clean.OfficeWebsite.Length > 0 && !(Uri.TryCreate(clean.OfficeWebsite, UriKind.Absolute, out var web) && (web.Scheme == Uri.UriSchemeHttp || web.Scheme == Uri.UriSchemeHttps)))
        {
            v.Add(nameof(OfficeWebsite), "网址应以 http:// 或 https:// 开头。");
        }

        if (!clean.IndexNumberPattern.Contains("{NNN", StringComparison.Ordinal))
        {
            v.Add(nameof(IndexNumberPattern), "索引号规则必须包含流水号占位符（如 {NNNNN}），才能保证索引号唯一。");
        }

        if (!clean.CaseNumberPattern.Contains("{NNN", StringComparison.Ordinal))
        {
            v.Add(nameof(CaseNumberPattern), "申请编号规则必须包含流水号占位符（如 {NNN}）。");
        }

        if (clean.Kind != AgencyKind.Government && clean.ParentId is null)
        {
            v.Add(nameof(ParentId), "除人民政府外，每个机构都要选择上级机关。");
        }

        v.ThrowIfInvalid();
        return clean;
    }
}
