namespace Gongkai.Web.Pages.Column;

/// <summary>The column's breadcrumb and its four directories, rendered by _ColumnNav.cshtml; <see cref="Current"/> is the page's key.</summary>
public sealed record ColumnNavView(int AgencyId, string AgencyName, string? Current, string? CurrentName = null)
{
    public static IReadOnlyList<(string Key, string Path, string Name)> Directories { get; } =
    [
        ("Zhinan", "Zhinan", "政府信息公开指南"),
        ("Zhidu", "Zhidu", "政府信息公开制度"),
        ("Fading", "Fading", "法定主动公开内容"),
        ("Baogao", "Baogao", "政府信息公开工作年度报告"),
    ];
}
