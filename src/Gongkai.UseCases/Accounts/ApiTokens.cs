using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Accounts;

public sealed record CreatedApiToken(long Id, string Name, string Token, DateTimeOffset? ExpiresAt);

public sealed record ApiTokenSummary(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The token format and its check: "gk_" and 40 random characters; only the SHA-256 is stored.</summary>
public static class ApiTokenFormat
{
    public const string Scheme = "ApiToken";
    public const string Prefix = "gk_";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, 40);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksValid(string? token) => token is { Length: 43 } && token.StartsWith(Prefix, StringComparison.Ordinal) && token.Skip(3).All(char.IsAsciiLetterOrDigit);
}

/// <summary>
/// 创建接口令牌: a staff member creates a token for a system that calls /api/v1 in their name, with their roles and
/// agencies. The token is returned once; at most 10 live tokens per account; a validity of up to one year.
/// </summary>
[AuditAction("创建接口令牌")]
public sealed class CreateApiToken(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public const int MaxLiveTokens = 10;

    public async Task<CreatedApiToken> ExecuteAsync(string name, int validDays, CancellationToken ct = default)
    {
        var userId = staff.UserId ?? throw new DomainException(StaffContext.ForbiddenCode, "接口令牌只能由工作人员在登录后创建。");
        using var _ = audit.Begin(this);
        var clean = name?.Trim() ?? string.Empty;
        var v = new Validation().Require("Name", clean, "令牌用途", 100);
        if (validDays is < 1 or > 366)
        {
            v.Add("ValidDays", "有效期应为 1 至 366 天。");
        }

        v.ThrowIfInvalid();
        var now = clock.UtcNow;
        var live = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, ct);
        if (live >= MaxLiveTokens)
        {
            throw new DomainException("accounts.too_many_tokens", $"每个账号最多保留 {MaxLiveTokens} 个有效的接口令牌，请先吊销不用的令牌。");
        }

        var token = ApiTokenFormat.New();
        var record = new ApiTokenRecord { UserId = userId, Name = clean, Prefix = token[..8], Hash = ApiTokenFormat.Hash(token), CreatedAt = now, ExpiresAt = now.AddDays(validDays) };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(record.Id, record.Name, token, record.ExpiresAt);
    }
}

/// <summary>吊销接口令牌: one's own token stops working at once.</summary>
[AuditAction("吊销接口令牌")]
public sealed class RevokeApiToken(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<bool> ExecuteAsync(long id, CancellationToken ct = default)
    {
        var userId = staff.UserId ?? throw new DomainException(StaffContext.ForbiddenCode, "请先登录。");
        using var _ = audit.Begin(this);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该令牌。");
        if (token.RevokedAt is not null)
        {
            return false;
        }

        token.RevokedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>我的接口令牌.</summary>
[ReadOnlyUseCase]
public sealed class ListMyApiTokens(GongkaiDbContext db, StaffContext staff)
{
    public async Task<IReadOnlyList<ApiTokenSummary>> ExecuteAsync(CancellationToken ct = default)
    {
        var userId = staff.UserId ?? throw new DomainException(StaffContext.ForbiddenCode, "请先登录。");
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
    }
}
