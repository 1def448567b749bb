namespace Gongkai.Web.Infrastructure;

/// <summary>
/// What a public page says about itself in the government-website <c>&lt;meta&gt;</c> tags (栏目 and, on an article,
/// 文章), set in <c>ViewData[PortalMeta.Key]</c> and written into the layout's head by <c>_PortalMeta</c>.
/// </summary>
public sealed record PortalMeta
{
    public const string Key = "PortalMeta";

    /// <summary>ViewData key of the page's Atom feed address (a link rel="alternate" in the head).</summary>
    public const string FeedKey = "PortalFeed";

    public required string ColumnName { get; init; }

    public string? ColumnDescription { get; init; }

    public string? ColumnKeywords { get; init; }

    /// <summary>ColumnType, e.g. 首页, 信息公开, 办事服务, 互动交流.</summary>
    public string? ColumnType { get; init; }

    public string? ArticleTitle { get; init; }

    /// <summary>PubDate (yyyy-MM-dd HH:mm, local time).</summary>
    public DateTimeOffset? PubDate { get; init; }

    /// <summary>ContentSource: 发布机构.</summary>
    public string? ContentSource { get; init; }

    public string? Keywords { get; init; }

    /// <summary>Description: 内容概述.</summary>
    public string? Description { get; init; }
}
