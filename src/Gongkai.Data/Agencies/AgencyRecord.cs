namespace Gongkai.Data.Agencies;

/// <summary>
/// An agency (行政机关) of the tree. The foundation keeps the name and place in the tree; the agencies feature adds
/// the 统一社会信用代码, the 主管部门 relation, the 工作机构 contact details and settings.
/// </summary>
public sealed class AgencyRecord
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string ShortName { get; set; } = string.Empty;

    /// <summary>人民政府, 部门, 街道, 乡镇, 派出机构 (stored as the code name of <see cref="AgencyKind"/>).</summary>
    public AgencyKind Kind { get; set; }

    public int? ParentId { get; set; }

    public int SortOrder { get; set; }
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
