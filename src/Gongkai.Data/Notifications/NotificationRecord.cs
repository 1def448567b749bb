namespace Gongkai.Data.Notifications;

/// <summary>
/// An in-app notice for one staff account (e.g. an application due within five working days, or overdue). The key
/// makes a notice unique per account, so a daily detection run twice on one day notifies once.
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>What the notice is about (CaseDueSoon, CaseOverdue).</summary>
    public string Kind { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>A path in the back office (e.g. /Admin/Applications/12).</summary>
    public string? Link { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When it went out by e-mail as part of a digest, if mail is configured and the account has an address.</summary>
    public DateTimeOffset? EmailedAt { get; set; }
}
