namespace Gongkai.Data.Agencies;

/// <summary>
/// An agency (行政机关) of the tree: 人民政府, 部门, 街道/乡镇, 派出机构. <see cref="ParentId"/> places it in the
/// geographic and administrative tree; <see cref="SupervisorId"/> is its 主管部门 for disclosure work, which differs
/// from the parent for vertically managed systems (条例第三条).
/// </summary>
public sealed class AgencyRecord
{
    public const string DefaultIndexNumberPattern = "{统一社会信用代码}/{YYYY}-{NNNNN}";
    public const string DefaultCaseNumberPattern = "{简称}依申〔{YYYY}〕{NNN}号";

    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string ShortName { get; set; } = string.Empty;

    public AgencyKind Kind { get; set; }

    public int? ParentId { get; set; }

    /// <summary>主管部门 (the supervising agency); null means the parent supervises.</summary>
    public int? SupervisorId { get; set; }

    /// <summary>统一社会信用代码, validated by its check character; unique when present.</summary>
    public string? CreditCode { get; set; }

    /// <summary>Whether it receives 政府信息公开申请 itself (第二十七条); otherwise its parent government answers.</summary>
    public bool ReceivesApplications { get; set; }

    public int SortOrder { get; set; }

    /// <summary>政府信息公开工作机构: name, address, hours and contacts published in the 指南.</summary>
    public string OfficeName { get; set; } = string.Empty;

    public string OfficeAddress { get; set; } = string.Empty;

    public string OfficeHours { get; set; } = string.Empty;

    public string OfficePhone { get; set; } = string.Empty;

    public string OfficeFax { get; set; } = string.Empty;

    public string OfficeEmail { get; set; } = string.Empty;

    public string OfficeWebsite { get; set; } = string.Empty;

    /// <summary>索引号 pattern; default {统一社会信用代码}/{YYYY}-{NNNNN}.</summary>
    public string IndexNumberPattern { get; set; } = DefaultIndexNumberPattern;

    /// <summary>Case-number pattern of its applications.</summary>
    public string CaseNumberPattern { get; set; } = DefaultCaseNumberPattern;

    /// <summary>Whether its annual report covers only its own records or its whole subtree.</summary>
    public ReportScope ReportScope { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change, so concurrent edits are detected.</summary>
    public int Version { get; set; }
}

public enum AgencyKind
{
    /// <summary>人民政府</summary>
    Government,

    /// <summary>部门</summary>
    Department,

    /// <summary>街道办事处</summary>
    Subdistrict,

    /// <summary>乡镇人民政府</summary>
    Township,

    /// <summary>派出机构</summary>
    DispatchedOffice,
}

public enum ReportScope
{
    /// <summary>本机关: only its own records.</summary>
    Own,

    /// <summary>含下级: its records and those of every agency below it (a district government's report).</summary>
    Subtree,
}

/// <summary>A staff account acts for these agencies (choosing one at a time).</summary>
public sealed class AgencyMembershipRecord
{
    public string UserId { get; set; } = string.Empty;

    public int AgencyId { get; set; }
}
