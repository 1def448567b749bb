using Gongkai.Data;
using Gongkai.UseCases.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

public sealed class SiteOptions
{
    public const string SectionName = "Gongkai:Site";

    /// <summary>The portal's name in the header and the title bar; when empty, the top agency's name + 政府信息公开.</summary>
    public string? Name { get; set; }
}

/// <summary>Facts every page shows (the site name; whether this is a demo database), cached for a few seconds.</summary>
public sealed class SiteState(IServiceScopeFactory scopes, IOptions<SiteOptions> options, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    public const string DefaultName = "政府信息公开平台";

    private volatile Snapshot? _snapshot;

    public string Name => _snapshot?.Name ?? options.Value.Name ?? DefaultName;

    public async Task<bool> IsDemoAsync(CancellationToken ct = default) => (await GetAsync(ct)).Demo;

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } cached && now - cached.At < CacheFor)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        bool demo;
        string? top;
        try
        {
            demo = await LoadDemoData.IsDemoDatabaseAsync(db, ct);
            top = await db.Agencies.Where(a => a.ParentId == null).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(ct);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            // Not migrated yet: no banner rather than a failing page.
            demo = false;
            top = null;
        }

        var name = !string.IsNullOrWhiteSpace(options.Value.Name) ? options.Value.Name! : top is null ? DefaultName : top + " 政府信息公开";
        var snapshot = new Snapshot(demo, name, now);
        _snapshot = snapshot;
        return snapshot;
    }

    public sealed record Snapshot(bool Demo, string Name, DateTimeOffset At);
}
