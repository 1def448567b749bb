using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>A finding of the automatic checks in one field of an item (标题, 内容概述, 正文).</summary>
public sealed record ItemFinding(string Field, ContentFinding Finding);

/// <summary>The automatic checks of an item's text: findings by field, whether any blocks, links that could not be checked.</summary>
public sealed record ItemCheckResult(IReadOnlyList<ItemFinding> Findings, bool Blocks, int LinksNotChecked)
{
    public IEnumerable<ItemFinding> Warnings => Findings.Where(f => f.Finding.Severity == CheckSeverity.Warning);

    public IEnumerable<ItemFinding> Blocking => Findings.Where(f => f.Finding.Severity == CheckSeverity.Blocking);

    public static string FieldName(string field) => field switch
    {
        "Title" => "标题",
        "Summary" => "内容概述",
        _ => "正文",
    };
}

/// <summary>Submission refused because a blocking check found something; the findings say where and what to change.</summary>
public sealed class ContentBlockedException(ItemCheckResult result)
    : DomainException(CatalogueRules.BlockedCode, $"自动检查发现 {result.Blocking.Count()} 处必须修改的问题，修改后才能提交审核。")
{
    public ItemCheckResult Result { get; } = result;
}

/// <summary>
/// 自动检查 of an item's title, summary and body with the agency's settings (links only when asked, as they go over
/// HTTP). The editor calls it as the author types; submission calls it with links.
/// </summary>
[ReadOnlyUseCase]
public sealed class CheckCatalogueItem(CheckContent checks)
{
    public async Task<ItemCheckResult> ExecuteAsync(int agencyId, string? title, string? summary, string? body, bool checkLinks, CancellationToken ct = default)
    {
        var findings = new List<ItemFinding>();
        var notChecked = 0;
        foreach (var (field, text, links) in new[] { ("Title", title, false), ("Summary", summary, false), ("Body", body, checkLinks) })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var result = await checks.ExecuteAsync(agencyId, text, links, ct);
            findings.AddRange(result.Findings.Select(f => new ItemFinding(field, f)));
            notChecked += result.LinksNotChecked;
        }

        return new ItemCheckResult(findings, findings.Any(f => f.Finding.Severity == CheckSeverity.Blocking), notChecked);
    }
}

/// <summary>The outcome of a submission: the new version and the warnings the reviewers will see.</summary>
public sealed record SubmitResult(int Version, IReadOnlyList<ItemFinding> Warnings);

/// <summary>
/// 提交审核: the automatic checks run first — a blocking finding stops the submission, warnings go with it to the
/// reviewers — then the draft goes to 初审 with the agency's number of proofreading rounds fixed for this submission.
/// </summary>
[AuditAction("提交公开信息审核")]
public sealed class SubmitCatalogueItem(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, CheckCatalogueItem checks, GetPublishingCheckSettings settings)
{
    public async Task<SubmitResult> ExecuteAsync(int id, int expectedVersion, string? requestKey = null, CancellationToken ct = default)
    {
        var item = await CatalogueRules.LoadAsync(db, staff, id, ct);
        staff.EnsureRole([.. CatalogueRules.AuthorRoles]);
        var key = CatalogueRules.Key(requestKey);
        if (key is not null && await db.CatalogueItemEvents.AsNoTracking().AnyAsync(e => e.ItemId == id && e.RequestKey == key, ct))
        {
            return new SubmitResult(item.Version, []);
        }

        using var _ = audit.Begin(this);
        CatalogueRules.EnsureVersion(item, expectedVersion);
        CatalogueRules.EnsureStage(item, ItemStage.Draft);
        if (item.Attribute != DisclosureAttribute.Proactive)
        {
            throw new DomainException(CatalogueRules.StageCode, $"公开属性为“{CatalogueNames.Of(item.Attribute)}”的信息不在网站主动公开，不需要发布审核。");
        }

        if (item.Body.Length == 0 && !await db.CatalogueAttachments.AnyAsync(a => a.ItemId == id && a.UntilRevision == null, ct))
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Body"] = "正文和附件不能都为空。" });
        }

        var result = await checks.ExecuteAsync(item.AgencyId, item.Title, item.Summary, item.Body, checkLinks: true, ct);
        if (result.Blocks)
        {
            throw new ContentBlockedException(result);
        }

        var rounds = (await settings.ExecuteAsync(item.AgencyId, ct)).ProofreadingRounds;
        var now = clock.UtcNow;
        var warnings = result.Warnings.ToList();
        var comment = warnings.Count == 0
            ? "自动检查未发现问题。"
            : $"自动检查提示 {warnings.Count} 处（不阻止提交）：" + string.Join("；", warnings.Take(10).Select(w => $"{ItemCheckResult.FieldName(w.Field)}：{w.Finding.Message}")) + (warnings.Count > 10 ? "……" : string.Empty);
        if (result.LinksNotChecked > 0)
        {
            comment += $"另有 {result.LinksNotChecked} 个链接未能检查。";
        }

        db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "submitted", staff, now, key, comment));
        item.Stage = ItemStage.FirstReview;
        item.ProofreadingRound = 0;
        item.ProofreadingRounds = rounds;
        CatalogueRules.Touch(item, staff, now);
        await CatalogueRules.SaveStepAsync(db, ct);
        return new SubmitResult(item.Version, warnings);
    }
}

/// <summary>
/// 初审、复审、终审 and each 校对 round: approve (the item moves on) or return to the author with a comment. One
/// person never does two of the three reviews of the same submission; every step records who, when, result and
/// comment. The page names the stage it acted on, so a step taken on a stale page is refused.
/// </summary>
[AuditAction("审核或校对公开信息")]
public sealed class ReviewCatalogueItem(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, ItemStage atStage, bool approve, string? comment, string? requestKey = null, CancellationToken ct = default)
    {
        var item = await CatalogueRules.LoadAsync(db, staff, id, ct);
        var key = CatalogueRules.Key(requestKey);
        if (key is not null && await db.CatalogueItemEvents.AsNoTracking().AnyAsync(e => e.ItemId == id && e.RequestKey == key, ct))
        {
            return item.Version;
        }

        if (!ReviewWorkflow.IsReview(atStage) && atStage != ItemStage.Proofreading)
        {
            throw new DomainException(CatalogueRules.StageCode, "只能在初审、复审、终审或校对时审核。");
        }

        if (!CatalogueRules.MayStep(staff, atStage, item.AgencyId))
        {
            throw new DomainException(StaffContext.ForbiddenCode, $"您的角色不能进行{ReviewWorkflow.StepName(atStage)}。");
        }

        using var _ = audit.Begin(this);
        CatalogueRules.EnsureVersion(item, expectedVersion);
        CatalogueRules.EnsureStage(item, atStage);
        var text = CatalogueRules.Comment(comment, !approve, "退回时请写明需要修改的地方。");
        var now = clock.UtcNow;
        if (approve)
        {
            var approvals = CatalogueRules.Approvals(await CurrentCycleAsync(db, item, ct));
            if (ReviewWorkflow.SeparationProblem(atStage, staff.UserId ?? staff.UserName, approvals) is { } problem)
            {
                throw new DomainException(CatalogueRules.SeparationCode, problem);
            }

            db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "approved", staff, now, key, text));
            (item.Stage, item.ProofreadingRound) = ReviewWorkflow.AfterApproval(atStage, item.ProofreadingRound, item.ProofreadingRounds);
        }
        else
        {
            db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "returned", staff, now, key, text));
            item.Stage = ItemStage.Draft;
            item.ProofreadingRound = 0;
        }

        CatalogueRules.Touch(item, staff, now);
        await CatalogueRules.SaveStepAsync(db, ct);
        return item.Version;
    }

    /// <summary>The events of the working revision's last cycle (since it was last submitted).</summary>
    internal static async Task<IReadOnlyList<CatalogueItemEventRecord>> CurrentCycleAsync(GongkaiDbContext db, CatalogueItemRecord item, CancellationToken ct) =>
        CatalogueRules.LastCycle(await db.CatalogueItemEvents.AsNoTracking().Where(e => e.ItemId == item.Id && e.Revision == item.Revision).ToListAsync(ct), item.Revision);
}

/// <summary>
/// 发布: a reviewed and proofread item is published now or at a set time (the public sees it from then). The first
/// publication gives it a 索引号 from the agency's pattern; the serial is taken under a concurrency token, so two
/// publishers at the same moment never get the same number. Each publication is an append-only published version.
/// </summary>
[AuditAction("发布公开信息")]
public sealed class PublishCatalogueItem(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, CatalogueSearchIndexer search)
{
    public static readonly TimeSpan MaxSchedule = TimeSpan.FromDays(90);

    /// <summary>Attempts at a serial before giving up (only a burst of simultaneous publishers in one agency needs more than one).</summary>
    private const int MaxAttempts = 50;

    public async Task<int> ExecuteAsync(int id, int expectedVersion, DateTimeOffset? at = null, string? requestKey = null, CancellationToken ct = default)
    {
        var key = CatalogueRules.Key(requestKey);
        for (var attempt = 1; ; attempt++)
        {
            var item = await CatalogueRules.LoadAsync(db, staff, id, ct);
            if (key is not null && await db.CatalogueItemEvents.AsNoTracking().AnyAsync(e => e.ItemId == id && e.RequestKey == key, ct))
            {
                return item.Version;
            }

            if (!CatalogueRules.MayPublish(staff, item.AgencyId))
            {
                throw new DomainException(StaffContext.ForbiddenCode, "只有发布员、工作机构负责人或政务公开办可以发布信息。");
            }

            using var _ = audit.Begin(this);
            CatalogueRules.EnsureVersion(item, expectedVersion);
            CatalogueRules.EnsureStage(item, ItemStage.ReadyToPublish);
            var now = clock.UtcNow;
            var when = (at ?? now).ToUniversalTime();
            if (when < now.AddMinutes(-5) || when > now + MaxSchedule)
            {
                throw new ValidationFailedException(new Dictionary<string, string> { ["At"] = "定时发布的时间须在现在之后的 90 天内。" });
            }

            if (item.WithdrawnAt is not null && when > now.AddMinutes(1))
            {
                throw new ValidationFailedException(new Dictionary<string, string> { ["At"] = "已撤回的信息修订后须立即发布，不能定时发布。" });
            }

            var local = clock.ToLocal(when);
            var publishedOn = DateOnly.FromDateTime(local.DateTime);
            if (item.IndexNumber is null)
            {
                var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == item.AgencyId, ct);
                var pattern = string.IsNullOrWhiteSpace(agency.IndexNumberPattern) ? Data.Agencies.AgencyRecord.DefaultIndexNumberPattern : agency.IndexNumberPattern;
                if (agency.CreditCode is null && (pattern.Contains(NumberPattern.CreditCode, StringComparison.Ordinal) || pattern.Contains(NumberPattern.OrganisationCode, StringComparison.Ordinal)))
                {
                    throw new DomainException(CatalogueRules.IndexNumberCode, $"{agency.Name}尚未填写统一社会信用代码，无法按索引号规则“{pattern}”编号。请先在机构信息中填写。");
                }

                var year = publishedOn.Year;
                var sequence = await db.IndexNumberSequences.SingleOrDefaultAsync(s => s.AgencyId == agency.Id && s.Year == year, ct);
                if (sequence is null)
                {
                    sequence = new IndexNumberSequenceRecord { AgencyId = agency.Id, Year = year, Next = 1 };
                    db.IndexNumberSequences.Add(sequence);
                }

                var serial = sequence.Next;
                sequence.Next = serial + 1;
                item.IndexNumber = NumberPattern.Format(pattern, year, serial, agency.ShortName, agency.CreditCode);
                item.IndexYear = year;
                item.IndexSerial = serial;
            }

            var reviewers = CatalogueRules.ReviewersLine((await ReviewCatalogueItem.CurrentCycleAsync(db, item, ct)).Where(e => e.Kind == "approved").Select(e => (e.Stage, e.Round, e.Actor)));
            var changeNote = item.Revision > 1
                ? await db.CatalogueItemEvents.AsNoTracking().Where(e => e.ItemId == id && e.Revision == item.Revision && e.Kind == "revised").OrderByDescending(e => e.Id).Select(e => e.Comment).FirstOrDefaultAsync(ct) ?? string.Empty
                : string.Empty;
            var keyAreas = await (from t in db.CatalogueItemTags join term in db.CatalogueTerms on t.TermId equals term.Id where t.ItemId == id orderby term.SortOrder select term.Name).ToListAsync(ct);
            var attachments = await db.CatalogueAttachments.AsNoTracking().Where(a => a.ItemId == id && a.UntilRevision == null).ToListAsync(ct);
            var version = new CatalogueRevisionRecord
            {
                ItemId = id,
                Revision = item.Revision,
                Title = item.Title,
                Summary = item.Summary,
                Body = item.Body,
                Snapshot = CatalogueRules.Snapshot(item, keyAreas, attachments),
                ChangeNote = changeNote,
                Reviewers = reviewers,
                DueOn = item.DueOn,
                PublishedAt = when,
                PublishedOn = publishedOn,
                PublishedBy = staff.DisplayName,
            };
            db.CatalogueRevisions.Add(version);
            var scheduled = when > now.AddMinutes(1);
            db.CatalogueItemEvents.Add(CatalogueRules.Event(item, scheduled ? "scheduled" : "published", staff, now, key, scheduled ? $"定于 {local:yyyy-MM-dd HH:mm} 发布" : null));
            item.Stage = ItemStage.Published;
            item.PublishedRevision = item.Revision;
            item.FirstPublishedAt ??= when;
            item.FirstPublishedOn ??= publishedOn;
            item.LastPublishedAt = when;
            item.WithdrawnAt = null;
            item.WithdrawReason = null;
            CatalogueRules.Touch(item, staff, now);
            try
            {
                // The version and its entry in the search index commit together: a published item is found at once.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await search.PublishedAsync(item, version, ct);
                await tx.CommitAsync(ct);
                return item.Version;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another publisher took this serial (or the same item was published) at the same moment: read again and
                // retry after a short random pause, so that a burst of publishers in one agency spreads out.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 + (attempt * 5)), ct);
            }
        }
    }
}

/// <summary>
/// 修订: a published item gets a new working revision (with the reason, shown to the public with the new version); the
/// published version stays public until the revision has been reviewed and published.
/// </summary>
[AuditAction("修订公开信息")]
public sealed class ReviseCatalogueItem(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, string? changeNote, string? requestKey = null, CancellationToken ct = default)
    {
        var item = await CatalogueRules.LoadAsync(db, staff, id, ct);
        staff.EnsureRole([.. CatalogueRules.AuthorRoles]);
        var key = CatalogueRules.Key(requestKey);
        if (key is not null && await db.CatalogueItemEvents.AsNoTracking().AnyAsync(e => e.ItemId == id && e.RequestKey == key, ct))
        {
            return item.Version;
        }

        using var _ = audit.Begin(this);
        CatalogueRules.EnsureVersion(item, expectedVersion);
        CatalogueRules.EnsureStage(item, ItemStage.Published, ItemStage.Withdrawn);
        var note = CatalogueRules.Comment(changeNote, true, "请写明修订说明（将随新版本向公众显示）。");
        if (note!.Length > 500)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Comment"] = "修订说明不能超过 500 个字。" });
        }

        var now = clock.UtcNow;
        item.Revision++;
        item.Stage = ItemStage.Draft;
        item.ProofreadingRound = 0;
        item.Changed = clock.Today();
        db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "revised", staff, now, key, note));
        CatalogueRules.Touch(item, staff, now);
        await CatalogueRules.SaveStepAsync(db, ct);
        return item.Version;
    }
}

/// <summary>
/// 撤回: a published item leaves the portal at once, whatever stage a revision under way is in; its address then shows
/// the reason. Its 索引号 is kept (never reused); publishing a revision later puts it back.
/// </summary>
[AuditAction("撤回公开信息")]
public sealed class WithdrawCatalogueItem(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, CatalogueSearchIndexer search)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, string? reason, string? requestKey = null, CancellationToken ct = default)
    {
        var item = await CatalogueRules.LoadAsync(db, staff, id, ct);
        var key = CatalogueRules.Key(requestKey);
        if (key is not null && await db.CatalogueItemEvents.AsNoTracking().AnyAsync(e => e.ItemId == id && e.RequestKey == key, ct))
        {
            return item.Version;
        }

        if (!CatalogueRules.MayWithdraw(staff, item.AgencyId))
        {
            throw new DomainException(StaffContext.ForbiddenCode, "只有工作机构负责人或政务公开办可以撤回已发布的信息。");
        }

        using var _ = audit.Begin(this);
        CatalogueRules.EnsureVersion(item, expectedVersion);
        if (item.PublishedRevision == 0 || item.WithdrawnAt is not null)
        {
            throw new DomainException(CatalogueRules.StageCode, item.WithdrawnAt is null ? "该信息尚未发布，无需撤回。" : "该信息已撤回。");
        }

        var text = CatalogueRules.Comment(reason, true, "请写明撤回原因（将在原网址向公众显示）。");
        if (text!.Length > 500)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Comment"] = "撤回原因不能超过 500 个字。" });
        }

        var now = clock.UtcNow;
        db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "withdrawn", staff, now, key, text));
        if (item.Stage == ItemStage.Published)
        {
            item.Stage = ItemStage.Withdrawn;
        }

        item.WithdrawnAt = now;
        item.WithdrawReason = text;
        CatalogueRules.Touch(item, staff, now);
        // The item leaves the search index in the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CatalogueRules.SaveStepAsync(db, ct);
        await search.WithdrawnAsync(item.Id, ct);
        await tx.CommitAsync(ct);
        return item.Version;
    }
}
