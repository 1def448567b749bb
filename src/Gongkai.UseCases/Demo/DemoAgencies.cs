using Gongkai.Data.Agencies;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// The demo agency tree: 包头市昆都仑区人民政府 (the agency of the sample annual report in data/seeds) with its
/// departments and 街道/镇. The names are those of the real district; the codes, addresses and telephone numbers are
/// made up for the demo, and every page of a demo database says so with its 演示数据 banner.
/// </summary>
public static class DemoAgencies
{
    public const string DistrictGovernment = "包头市昆都仑区人民政府";

    /// <summary>
    /// 索引号 pattern of the demo's unit number <paramref name="unit"/> (0 for the district government): a local unit
    /// code — the district's administrative division code 150203 and a 3-digit unit number — as some localities use,
    /// because the demo does not carry the real units' 统一社会信用代码.
    /// </summary>
    public static string IndexNumberPattern(int unit) => $"150203-{unit:D3}/{{YYYY}}-{{NNNNN}}";

    public sealed record DemoAgency(string Name, string ShortName, AgencyKind Kind, bool ReceivesApplications, string? SupervisorName = null);

    public static IReadOnlyList<DemoAgency> Units { get; } =
    [
        new("包头市昆都仑区人民政府办公室", "区政府办", AgencyKind.Department, false),
        new("包头市昆都仑区行政审批政务服务与数据管理局", "区政务服务局", AgencyKind.Department, true),
        new("包头市昆都仑区发展和改革委员会", "区发改委", AgencyKind.Department, true),
        new("包头市昆都仑区教育局", "区教育局", AgencyKind.Department, true),
        new("包头市昆都仑区民政局", "区民政局", AgencyKind.Department, true),
        new("包头市昆都仑区财政局", "区财政局", AgencyKind.Department, true),
        new("包头市昆都仑区人力资源和社会保障局", "区人社局", AgencyKind.Department, true),
        new("包头市昆都仑区住房和城乡建设局", "区住建局", AgencyKind.Department, true),
        new("包头市昆都仑区卫生健康委员会", "区卫健委", AgencyKind.Department, true),
        new("包头市昆都仑区市场监督管理局", "区市场监管局", AgencyKind.Department, true),
        new("包头市昆都仑区应急管理局", "区应急管理局", AgencyKind.Department, true),
        new("包头市昆都仑区司法局", "区司法局", AgencyKind.Department, true),
        new("包头市昆都仑区沼潭街道办事处", "沼潭街道", AgencyKind.Subdistrict, true),
        new("包头市昆都仑区林荫路街道办事处", "林荫路街道", AgencyKind.Subdistrict, true),
        new("包头市昆都仑区少先路街道办事处", "少先路街道", AgencyKind.Subdistrict, true),
        new("包头市昆都仑区友谊大街街道办事处", "友谊大街街道", AgencyKind.Subdistrict, true),
        new("包头市昆都仑区阿尔丁大街街道办事处", "阿尔丁大街街道", AgencyKind.Subdistrict, true),
        new("包头市昆都仑区昆河镇人民政府", "昆河镇", AgencyKind.Township, true),
    ];
}
