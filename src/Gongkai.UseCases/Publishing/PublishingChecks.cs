using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>An agency's check settings as they apply (its own, an ancestor's, or the defaults) and where they come from.</summary>
public sealed record PublishingCheckSettingsView(
    int AgencyId,
    string AgencyName,
    ContentCheckSettings Settings,
    bool UsesStarterList,
    string? InheritedFrom,
    int Version,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    int ProofreadingRounds = ReviewWorkflow.DefaultProofreadingRounds,
    bool PrintReviewerNames = false);

/// <summary>The check settings of an agency: its own, else its nearest ancestor's, else the defaults (starter list, no sensitive words).</summary>
[ReadOnlyUseCase]
public sealed class GetPublishingCheckSettings(GongkaiDbContext db, StaffContext staff)
{
    public async Task<PublishingCheckSettingsView> ExecuteAsync(int agencyId, CancellationToken ct = default)
    {
        staff.EnsureCanSee(agencyId);
        return await ForAgencyAsync(db, agencyId, ct);
    }

    /// <summary>The settings that apply to an agency, without checking who asks (the public item page reads PrintReviewerNames).</summary>
    internal static async Task<PublishingCheckSettingsView> ForAgencyAsync(GongkaiDbContext db, int agencyId, CancellationToken ct)
    {
        var tree = await AgencyTree.LoadAsync(db, ct);
        var node = tree.Find(agencyId) ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
        var rows = await db.PublishingCheckSettings.AsNoTracking().ToDictionaryAsync(r => r.AgencyId, ct);
        for (var n = node; n is not null; n = n.ParentId is { } p ? tree.Find(p) : null)
        {
            if (rows.TryGetValue(n.Id, out var row))
            {
                var own = n.Id == agencyId;
                return new PublishingCheckSettingsView(agencyId, node.Name, PublishingChecks.Settings(row), row.ExpressionsCsv is null, own ? null : n.Name, own ? row.Version : 0, row.UpdatedBy, row.UpdatedAt, row.ProofreadingRounds, row.PrintReviewerNames);
            }
        }

        return new PublishingCheckSettingsView(agencyId, node.Name, ContentCheckSettings.Default, true, null, 0, null, null);
    }
}

/// <summary>What a 政务公开办 or administrator sets: the lists (as uploaded text; null keeps the current one) and which checks block.</summary>
public sealed record PublishingCheckSettingsInput
{
    public string? ExpressionsCsv { get; init; }

    /// <summary>Go back to the built-in starter list of 不规范表述.</summary>
    public bool UseStarterList { get; init; }

    public string? SensitiveWords { get; init; }

    public bool ExpressionsBlock { get; init; }

    public bool SensitiveWordsBlock { get; init; } = true;

    public bool PersonalDataBlocks { get; init; } = true;

    public bool BrokenLinksBlock { get; init; }

    /// <summary>校对 rounds after 终审 (3–9).</summary>
    public int ProofreadingRounds { get; init; } = ReviewWorkflow.DefaultProofreadingRounds;

    /// <summary>Print the reviewers' and proofreaders' names on the public item page.</summary>
    public bool PrintReviewerNames { get; init; }
}

/// <summary>
/// 自动检查设置: a 政务公开办 or administrator saves the agency's lists (checked line by line; a bad line refuses the
/// whole list with its line number) and decides for each check whether it blocks review or only warns.
/// </summary>
[AuditAction("保存发布前自动检查设置")]
public sealed class SavePublishingCheckSettings(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(int agencyId, PublishingCheckSettingsInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureCanSee(agencyId);
        staff.EnsureRole(Roles.DisclosureOffice, Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        var row = await db.PublishingCheckSettings.SingleOrDefaultAsync(r => r.AgencyId == agencyId, ct);
        if (row is null)
        {
            if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            {
                throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
            }

            row = new PublishingCheckSettingsRecord { AgencyId = agencyId };
            db.PublishingCheckSettings.Add(row);
        }

        if (row.Version != expectedVersion)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, $"检查设置已于 {row.UpdatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 由{row.UpdatedBy}修改，您看到的页面已过期，本次修改未保存。请刷新后再改。");
        }

        var errors = new Dictionary<string, string>();
        if (input.UseStarterList)
        {
            row.ExpressionsCsv = null;
        }
        else if (input.ExpressionsCsv is { } csv)
        {
            try
            {
                row.ExpressionsCsv = NonStandardExpressions.Import(csv).Export();
            }
            catch (ListImportException ex)
            {
                errors["Expressions"] = Refused("不规范表述清单", ex);
            }
        }

        if (input.SensitiveWords is { } words)
        {
            try
            {
                row.SensitiveWords = Core.Publishing.SensitiveWords.Import(words).Export();
            }
            catch (ListImportException ex)
            {
                errors["SensitiveWords"] = Refused("敏感词清单", ex);
            }
        }

        if (input.ProofreadingRounds is < ReviewWorkflow.MinProofreadingRounds or > ReviewWorkflow.MaxProofreadingRounds)
        {
            errors["ProofreadingRounds"] = $"校对轮数须为 {ReviewWorkflow.MinProofreadingRounds}–{ReviewWorkflow.MaxProofreadingRounds} 轮。";
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        row.ProofreadingRounds = input.ProofreadingRounds;
        row.PrintReviewerNames = input.PrintReviewerNames;
        row.ExpressionsBlock = input.ExpressionsBlock;
        row.SensitiveWordsBlock = input.SensitiveWordsBlock;
        row.PersonalDataBlocks = input.PersonalDataBlocks;
        row.BrokenLinksBlock = input.BrokenLinksBlock;
        row.UpdatedAt = clock.UtcNow;
        row.UpdatedBy = staff.DisplayName;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, "检查设置刚被其他人修改，本次修改未保存。请刷新后再改。");
        }

        return row.Version;
    }

    /// <summary>A refused list's first ten line errors (and how many there are in all).</summary>
    private static string Refused(string list, ListImportException ex) =>
        $"{list}有误，未保存：" + string.Join("；", ex.Errors.Take(10)) + (ex.Errors.Count > 10 ? $"……共 {ex.Errors.Count} 处" : string.Empty);
}

/// <summary>The result of checking a text: the findings in order and whether any blocks review.</summary>
public sealed record ContentCheckResult(IReadOnlyList<ContentFinding> Findings, bool Blocks, int LinksNotChecked);

/// <summary>
/// 自动检查: checks a text with the agency's settings — 不规范表述, sensitive words, personal data, and (when asked)
/// links over HTTP — before it goes to review.
/// </summary>
[ReadOnlyUseCase]
public sealed class CheckContent(GetPublishingCheckSettings settings, LinkChecker links)
{
    public const int MaxTextLength = 200_000;

    public async Task<ContentCheckResult> ExecuteAsync(int agencyId, string? text, bool checkLinks, CancellationToken ct = default)
    {
        var body = text ?? string.Empty;
        if (body.Length > MaxTextLength)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Text"] = $"正文不能超过 {MaxTextLength} 个字。" });
        }

        var s = (await settings.ExecuteAsync(agencyId, ct)).Settings;
        var findings = ContentChecker.Check(body, s);
        var notChecked = 0;
        if (checkLinks)
        {
            var report = await links.CheckAsync(body, s.BrokenLinkSeverity, null, ct);
            findings = ContentChecker.Merge(findings, report.Findings);
            notChecked = report.NotChecked;
        }

        return new ContentCheckResult(findings, ContentChecker.HasBlocking(findings), notChecked);
    }
}

internal static class PublishingChecks
{
    private const int CachedLists = 64;

    // Parsed lists with their matchers, by the saved text: the editor checks as the author types, and parsing an
    // agency's list and building its matcher on every keystroke would be wasted work. A saved change is new text.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NonStandardExpressions> ExpressionLists = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Core.Publishing.SensitiveWords> WordLists = new(StringComparer.Ordinal);

    public static ContentCheckSettings Settings(PublishingCheckSettingsRecord row) => new()
    {
        Expressions = row.ExpressionsCsv is null ? NonStandardExpressions.Starter : Cached(ExpressionLists, row.ExpressionsCsv, NonStandardExpressions.Import),
        SensitiveWords = string.IsNullOrWhiteSpace(row.SensitiveWords) ? Core.Publishing.SensitiveWords.Empty : Cached(WordLists, row.SensitiveWords, Core.Publishing.SensitiveWords.Import),
        NonStandardExpressionSeverity = row.ExpressionsBlock ? CheckSeverity.Blocking : CheckSeverity.Warning,
        SensitiveWordSeverity = row.SensitiveWordsBlock ? CheckSeverity.Blocking : CheckSeverity.Warning,
        PersonalDataSeverity = row.PersonalDataBlocks ? CheckSeverity.Blocking : CheckSeverity.Warning,
        BrokenLinkSeverity = row.BrokenLinksBlock ? CheckSeverity.Blocking : CheckSeverity.Warning,
    };

    private static T Cached<T>(System.Collections.Concurrent.ConcurrentDictionary<string, T> cache, string text, Func<string, T> parse)
    {
        if (cache.TryGetValue(text, out var found))
        {
            return found;
        }

        if (cache.Count >= CachedLists)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(text, parse);
    }
}
