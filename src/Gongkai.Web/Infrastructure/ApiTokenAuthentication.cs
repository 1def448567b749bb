using System.Security.Claims;
using System.Text.Encodings.Web;
using Gongkai.Data;
using Gongkai.UseCases.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Authenticates /api/v1 calls by a personal API token (<c>Authorization: Bearer gk_…</c>): a live, unexpired token
/// signs the call in as its staff account; the account's roles and agencies then apply as in the back office.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, GongkaiDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!ApiTokenFormat.LooksValid(token))
        {
            return AuthenticateResult.Fail("malformed token");
        }

        var hash = ApiTokenFormat.Hash(token);
        var now = clock.GetUtcNow();
        var record = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (record is null || record.RevokedAt is not null || (record.ExpiresAt is { } expires && expires <= now))
        {
            return AuthenticateResult.Fail("unknown, revoked or expired token");
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == record.UserId).Select(u => new { u.UserName, u.IsApplicant, u.LockoutEnd }).SingleOrDefaultAsync(Context.RequestAborted);
        if (user is null || user.IsApplicant || (user.LockoutEnd is { } lockout && lockout > now))
        {
            return AuthenticateResult.Fail("account cannot use the API");
        }

        if (record.LastUsedAt is null || now - record.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            // Recorded coarsely, straight in the database: usage is not an audited change.
            await db.ApiTokens.Where(t => t.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, record.UserId), new Claim(ClaimTypes.Name, user.UserName ?? record.UserId)], ApiTokenFormat.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiTokenFormat.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
