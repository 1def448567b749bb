using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>Limits for public forms and look-ups (configuration section Gongkai:Abuse).</summary>
public sealed class AbuseOptions
{
    public const string SectionName = "Gongkai:Abuse";

    /// <summary>Sign-in page requests per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Requests to the public application and tracking pages (申请公开、申请查询) per client address per minute.</summary>
    public int PublicFormPerMinute { get; set; } = 30;

    /// <summary>Public API requests per client address per minute.</summary>
    public int PublicApiPerMinute { get; set; } = 120;

    /// <summary>A form sent back faster than this after it was shown is treated as automated.</summary>
    public double MinimumFormSeconds { get; set; } = 2;
}

/// <summary>
/// Rate limits per client address (and, for sign-in, the account lockout per target account), answered with 429 and
/// the Chinese 请求过于频繁 page or ProblemDetails.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicApi = "public-api";
    public const string PublicForm = "public-form";

    public static IServiceCollection AddGongkaiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, c => PerClient(c, c.RequestServices.GetRequiredService<IOptions<AbuseOptions>>().Value.SignInPerMinute));
            o.AddPolicy(PublicForm, c => PerClient(c, c.RequestServices.GetRequiredService<IOptions<AbuseOptions>>().Value.PublicFormPerMinute));
            o.AddPolicy(PublicApi, c => PerClient(c, c.RequestServices.GetRequiredService<IOptions<AbuseOptions>>().Value.PublicApiPerMinute));
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext c, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(c.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

/// <summary>
/// A check that a person, not a script, sent a public form, without a CAPTCHA (which shuts out elderly and
/// screen-reader users): a signed time stamp proves the form was shown a moment before it was sent, and a field
/// hidden from people (and from screen readers) must stay empty.
/// </summary>
public sealed class HumanCheck(IDataProtectionProvider protection, TimeProvider time, IOptions<AbuseOptions> options)
{
    public const string TokenField = "__formStarted";
    public const string TrapField = "website";
    private readonly IDataProtector _protector = protection.CreateProtector("Gongkai.HumanCheck.v1");

    public string Issue() => _protector.Protect(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>Null when the form passes; otherwise the Chinese message to show (nothing is saved).</summary>
    public string? Verify(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form[TrapField]))
        {
            return "提交未被接受。如果您是通过辅助工具填写的，请清空“请勿填写”一栏后重试，或拨打页面下方的电话办理。";
        }

        long ticks;
        try
        {
            ticks = long.Parse(_protector.Unprotect(form[TokenField].ToString()), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return "页面已过期，请重新打开页面后再提交。";
        }

        var age = time.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        if (age < TimeSpan.FromSeconds(options.Value.MinimumFormSeconds))
        {
            return "提交过快，请稍候片刻再提交。";
        }

        return age > TimeSpan.FromHours(4) ? "页面已过期，请重新打开页面后再提交。" : null;
    }
}

/// <summary>
/// Failed attempts against one target (an account name; later a case number's query code), whoever makes them: after
/// <see cref="MaxFailures"/> failures within <see cref="Window"/> the target is refused until the window has passed,
/// so that guessing from many addresses does not work either. Kept in memory: a restart forgets it, which only
/// shortens a block.
/// </summary>
public sealed class TargetThrottle(TimeProvider time)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int MaxTargets = 100_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>Whether the target is blocked now.</summary>
    public bool IsBlocked(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!_failures.TryGetValue(target, out var queue))
        {
            return false;
        }

        lock (queue)
        {
            Trim(queue);
            return queue.Count >= MaxFailures;
        }
    }

    public void RecordFailure(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_failures.Count >= MaxTargets)
        {
            // Bounded memory under a flood of distinct targets: drop the expired ones first.
            foreach (var (key, q) in _failures)
            {
                lock (q)
                {
                    Trim(q);
                    if (q.Count == 0)
                    {
                        _failures.TryRemove(key, out _);
                    }
                }
            }
        }

        var queue = _failures.GetOrAdd(target, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Trim(queue);
            queue.Enqueue(time.GetUtcNow());
        }
    }

    public void RecordSuccess(string target) => _failures.TryRemove(target ?? string.Empty, out _);

    private void Trim(Queue<DateTimeOffset> queue)
    {
        var cutoff = time.GetUtcNow() - Window;
        while (queue.Count > 0 && queue.Peek() <= cutoff)
        {
            queue.Dequeue();
        }
    }
}
