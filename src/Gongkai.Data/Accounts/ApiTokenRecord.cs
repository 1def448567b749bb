namespace Gongkai.Data.Accounts;

/// <summary>
/// A personal API token of a staff account (for a province's unified application platform or an OA system calling
/// /api/v1 on the account's behalf). Only the SHA-256 of the token is kept; the token is shown once when created.
/// </summary>
public sealed class ApiTokenRecord
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    /// <summary>What it is for (e.g. 省政务服务平台对接).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The first characters of the token, to recognise it in lists.</summary>
    public string Prefix { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
