using System.Text.Json;
using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>An item's metadata and text as typed in the editor.</summary>
public sealed record CatalogueItemInput
{
    public int AgencyId { get; init; }

    public ItemKind Kind { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? Body { get; init; }

    public string? PublishingAgency { get; init; }

    public string? DocumentNumber { get; init; }

    public DateOnly? Formed { get; init; }

    public string? Topic { get; init; }

    public ColumnDirectory Directory { get; init; } = ColumnDirectory.Statutory;

    public int? Article20Item { get; init; }

    public string? Article21Item { get; init; }

    public string? Validity { get; init; }

    public DateOnly? EffectiveOn { get; init; }

    public DateOnly? RepealedOn { get; init; }

    public DisclosureAttribute Attribute { get; init; }

    public string? Keywords { get; init; }

    public string? Source { get; init; }

    /// <summary>Names of key-area terms.</summary>
    public IReadOnlyList<string> KeyAreas { get; init; } = [];

    /// <summary>For a 政策解读: the ids of the items it interprets.</summary>
    public IReadOnlyList<int> Interprets { get; init; } = [];

    public int? NormativeDocumentId { get; init; }

    /// <summary>变更日期, for a revision of a published item.</summary>
    public DateOnly? Changed { get; init; }
}

/// <summary>Roles, limits, names and shared steps of the catalogue and its 三审三校 workflow.</summary>
public static class CatalogueRules
{
    public const string StageCode = "catalogue.stage";
    public const string SeparationCode = "catalogue.separation";
    public const string BlockedCode = "catalogue.blocked";
    public const string IndexNumberCode = "catalogue.index_number";
    public const int MaxBodyLength = 100_000;
    public const int MaxCommentLength = 2_000;
    public const int MaxAttachments = 20;

    /// <summary>起草、修改、报审、修订、转主动公开: 承办人, 发布员, 工作机构负责人, 政务公开办.</summary>
    public static IReadOnlyList<string> AuthorRoles { get; } = [Roles.Clerk, Roles.Publisher, Roles.OfficeHead, Roles.DisclosureOffice];

    /// <summary>发布 (now or at a set time): 发布员, 工作机构负责人, 政务公开办.</summary>
    public static IReadOnlyList<string> PublisherRoles { get; } = [Roles.Publisher, Roles.OfficeHead, Roles.DisclosureOffice];

    /// <summary>撤回: 工作机构负责人, 政务公开办.</summary>
    public static IReadOnlyList<string> WithdrawRoles { get; } = [Roles.OfficeHead, Roles.DisclosureOffice];

    /// <summary>Everyone who works on items (the back-office pages' policy).</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = [Roles.Clerk, Roles.Reviewer, Roles.Publisher, Roles.OfficeHead, Roles.DisclosureOffice];

    /// <summary>Who may take the step at a stage: 初审 the editor or reviewer; 复审 the section head; 终审 the responsible leader; 校对 any staff.</summary>
    public static IReadOnlyList<string> StepRoles(ItemStage stage) => stage switch
    {
        ItemStage.FirstReview => [Roles.Reviewer, Roles.Publisher, Roles.OfficeHead, Roles.DisclosureOffice],
        ItemStage.SecondReview => [Roles.Reviewer, Roles.OfficeHead, Roles.DisclosureOffice],
        ItemStage.FinalReview => [Roles.OfficeHead, Roles.DisclosureOffice],
        ItemStage.Proofreading => [Roles.Clerk, Roles.Reviewer, Roles.Publisher, Roles.OfficeHead, Roles.DisclosureOffice],
        _ => [],
    };

    public static string EventName(string kind) => kind switch
    {
        "created" => "起草",
        "edited" => "修改",
        "submitted" => "提交审核",
        "approved" => "通过",
        "returned" => "退回修改",
        "published" => "发布",
        "scheduled" => "定时发布",
        "revised" => "开始修订",
        "withdrawn" => "撤回",
        "proposed" => "依申请公开转主动公开",
        "attachment_added" => "添加附件",
        "attachment_removed" => "删除附件",
        _ => kind,
    };

    /// <summary>The step an event was taken at: 初审, 复审, 终审, or “第 2 轮校对”.</summary>
    public static string StepName(CatalogueItemEventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Stage == ItemStage.Proofreading ? $"第 {e.Round} 轮校对" : ReviewWorkflow.StepName(e.Stage);
    }

    /// <summary>
    /// The last cycle of a revision: its events from the last submission on, in order (empty while it was never
    /// submitted). Separation of duties, the reviewers printed with a version and the 审核单 all read this cycle.
    /// </summary>
    public static IReadOnlyList<CatalogueItemEventRecord> LastCycle(IEnumerable<CatalogueItemEventRecord> history, int revision)
    {
        var events = history.Where(e => e.Revision == revision).OrderBy(e => e.Id).ToList();
        var submitted = events.FindLastIndex(e => e.Kind == "submitted");
        return submitted < 0 ? [] : events[submitted..];
    }

    /// <summary>The approvals of a cycle as the separation rule reads them.</summary>
    public static IEnumerable<ReviewApproval> Approvals(IEnumerable<CatalogueItemEventRecord> cycle) =>
        cycle.Where(e => e.Kind == "approved").Select(e => new ReviewApproval(e.Stage, e.ActorUserId ?? e.Actor, e.Actor));

    /// <summary>“初审：刘洋　复审：陈静　终审：王芳　第1轮校对：张敏…”, printed with a published version when the agency wants.</summary>
    public static string ReviewersLine(IEnumerable<(ItemStage Stage, int? Round, string Actor)> approvals)
    {
        var line = string.Join("　", approvals.Select(a => (a.Stage == ItemStage.Proofreading ? $"第{a.Round}轮校对" : ReviewWorkflow.StepName(a.Stage)) + "：" + a.Actor));
        return line.Length > 1000 ? line[..1000] : line;
    }

    public static bool MayAuthor(StaffContext staff, int agencyId) => staff.CanSee(agencyId) && AuthorRoles.Any(staff.IsInRole);

    public static bool MayStep(StaffContext staff, ItemStage stage, int agencyId) => staff.CanSee(agencyId) && StepRoles(stage).Any(staff.IsInRole);

    public static bool MayPublish(StaffContext staff, int agencyId) => staff.CanSee(agencyId) && PublisherRoles.Any(staff.IsInRole);

    public static bool MayWithdraw(StaffContext staff, int agencyId) => staff.CanSee(agencyId) && WithdrawRoles.Any(staff.IsInRole);

    internal static string? Key(string? requestKey) => Reports.ReportRules.Key(requestKey);

    /// <summary>Loads an item the user may see, or says it is not there.</summary>
    internal static async Task<CatalogueItemRecord> LoadAsync(GongkaiDbContext db, StaffContext staff, int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !staff.CanSee(item.AgencyId))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该信息，或您无权查看。");
        }

        return item;
    }

    internal static void EnsureVersion(CatalogueItemRecord item, int expectedVersion)
    {
        if (item.Version != expectedVersion)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, $"该信息已于 {item.UpdatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 由{item.UpdatedBy}改动，您看到的页面已过期，本次操作未保存。请刷新后再试。");
        }
    }

    internal static void EnsureStage(CatalogueItemRecord item, params ItemStage[] stages)
    {
        if (!stages.Contains(item.Stage))
        {
            throw new DomainException(StageCode, $"该信息当前为“{CatalogueNames.Of(item.Stage)}”，不能进行此操作。");
        }
    }

    internal static string? Comment(string? comment, bool required, string requiredMessage)
    {
        var text = (comment ?? string.Empty).Trim();
        if (text.Length > MaxCommentLength)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Comment"] = $"意见不能超过 {MaxCommentLength} 个字。" });
        }

        if (required && text.Length == 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Comment"] = requiredMessage });
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>Marks the item changed by the signed-in user; the caller saves.</summary>
    internal static void Touch(CatalogueItemRecord item, StaffContext staff, DateTimeOffset now)
    {
        item.UpdatedAt = now;
        item.UpdatedBy = staff.DisplayName;
        item.Version++;
    }

    internal static CatalogueItemEventRecord Event(CatalogueItemRecord item, string kind, StaffContext staff, DateTimeOffset now, string? key, string? comment = null) => new()
    {
        ItemId = item.Id,
        Revision = item.Revision,
        Kind = kind,
        Stage = item.Stage,
        Round = item.Stage == ItemStage.Proofreading ? item.ProofreadingRound : null,
        Comment = comment,
        At = now,
        Actor = staff.DisplayName,
        ActorUserId = staff.UserId,
        RequestKey = key,
    };

    /// <summary>Saves a workflow step; a concurrent step on the same item (its version moved) is refused as stale.</summary>
    internal static async Task SaveStepAsync(GongkaiDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, "该信息刚被其他人改动，本次操作未保存。请刷新后再试。");
        }
        catch (DbUpdateException)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, "该操作刚已提交过，或该信息刚被其他人改动，本次操作未重复执行。请刷新后查看。");
        }
    }

    /// <summary>The 20-working-day deadline from the day the information was formed or changed (provisional for a year without a loaded calendar).</summary>
    internal static DateOnly DueOn(WorkingDayCalendar calendar, DateOnly from) => calendar.AddWorkingDays(from, PublicationTimeliness.StatutoryWorkingDays).Date;

    /// <summary>Validates the input against the agency and the term lists; returns the clean values and the key-area term ids.</summary>
    internal static async Task<(CatalogueItemInput Clean, IReadOnlyList<int> KeyAreaIds)> CheckAsync(GongkaiDbContext db, StaffContext staff, CatalogueItemInput input, AgencyRecord agency, DateOnly today, int? itemId, CancellationToken ct)
    {
        var visible = staff.VisibleAgencies?.ToList();
        var v = new Validation();
        var title = Clean(input.Title);
        var summary = Clean(input.Summary);
        var body = (input.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var publishingAgency = Clean(input.PublishingAgency);
        if (publishingAgency.Length == 0)
        {
            publishingAgency = agency.Name;
        }

        v.Require("Title", title, "标题", 200);
        v.MaxLength("Summary", summary, "内容概述", 500);
        v.MaxLength("PublishingAgency", publishingAgency, "发布机构", 200);
        v.MaxLength("DocumentNumber", Clean(input.DocumentNumber), "文号", 100);
        v.MaxLength("Keywords", Clean(input.Keywords), "关键词", 200);
        v.MaxLength("Source", Clean(input.Source), "信息来源", 200);
        if (body.Length > MaxBodyLength)
        {
            v.Add("Body", $"正文不能超过 {MaxBodyLength} 个字。");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            v.Add("Kind", "请选择信息类型。");
        }

        if (!Enum.IsDefined(input.Directory))
        {
            v.Add("Directory", "请选择所属目录。");
        }

        if (!Enum.IsDefined(input.Attribute))
        {
            v.Add("Attribute", "请选择公开属性。");
        }

        if (input.Formed is not { } formed)
        {
            v.Add("Formed", "请填写成文日期（信息形成的日期）。");
        }
        else if (formed > today)
        {
            v.Add("Formed", "成文日期不能晚于今天。");
        }
        else if (formed.Year < 1949)
        {
            v.Add("Formed", "成文日期不正确。");
        }

        if (input.Changed is { } changed && (changed > today || (input.Formed is { } f && changed < f)))
        {
            v.Add("Changed", "变更日期须在成文日期之后，且不晚于今天。");
        }

        var article21 = Clean(input.Article21Item);
        if (input.Directory == ColumnDirectory.Statutory)
        {
            if (input.Article20Item is { } a20 && a20 is < 1 or > 15)
            {
                v.Add("Article20Item", "第二十条的项目须为（一）至（十五）之一。");
            }

            var allowed21 = Article21For(agency.Kind);
            if (article21.Length > 0 && !allowed21.Contains(article21))
            {
                v.Add("Article21Item", allowed21.Count == 0 ? "本机关不适用第二十一条。" : $"第二十一条的项目须为：{string.Join("、", allowed21)}。");
            }

            if (input.Article20Item is null && article21.Length == 0)
            {
                v.Add("Article20Item", "法定主动公开内容须注明对应的条例第二十条（或第二十一条）项目。");
            }
        }
        else if (input.Article20Item is not null || article21.Length > 0)
        {
            v.Add("Article20Item", "只有“法定主动公开内容”目录下的信息注明第二十条、第二十一条项目。");
        }

        if (input.EffectiveOn is { } eff && input.RepealedOn is { } rep && rep < eff)
        {
            v.Add("RepealedOn", "废止日期不能早于生效日期。");
        }

        var terms = await db.CatalogueTerms.AsNoTracking().Where(t => t.Active).ToListAsync(ct);
        var topic = Clean(input.Topic);
        if (topic.Length > 0 && !terms.Any(t => t.Kind == CatalogueTermKind.Topic && t.Name == topic))
        {
            v.Add("Topic", $"主题分类“{topic}”不在词表中。");
        }

        var validity = Clean(input.Validity);
        if (validity.Length > 0 && !terms.Any(t => t.Kind == CatalogueTermKind.Validity && t.Name == validity))
        {
            v.Add("Validity", $"有效性“{validity}”不在词表中。");
        }

        var keyAreaIds = new List<int>();
        foreach (var name in input.KeyAreas.Select(Clean).Where(n => n.Length > 0).Distinct())
        {
            var term = terms.FirstOrDefault(t => t.Kind == CatalogueTermKind.KeyArea && t.Name == name);
            if (term is null)
            {
                v.Add("KeyAreas", $"重点领域“{name}”不在词表中。");
            }
            else
            {
                keyAreaIds.Add(term.Id);
            }
        }

        var interprets = input.Interprets.Distinct().ToList();
        if (input.Kind == ItemKind.Interpretation)
        {
            if (interprets.Count == 0)
            {
                v.Add("Interprets", "政策解读须关联所解读的政策文件。");
            }
            else
            {
                var found = await db.CatalogueItems.AsNoTracking().Where(i => interprets.Contains(i.Id) && (visible == null || visible.Contains(i.AgencyId))).Select(i => new { i.Id, i.Kind }).ToListAsync(ct);
                if (found.Count != interprets.Count || interprets.Contains(itemId ?? 0))
                {
                    v.Add("Interprets", "所关联的政策文件不存在。");
                }
                else if (found.Any(i => i.Kind == ItemKind.Interpretation))
                {
                    v.Add("Interprets", "政策解读只能关联政策文件，不能关联另一篇解读。");
                }
            }
        }
        else if (interprets.Count > 0)
        {
            v.Add("Interprets", "只有政策解读才关联所解读的文件。");
        }

        if (input.NormativeDocumentId is { } docId && !await db.NormativeDocuments.AnyAsync(d => d.Id == docId && d.AgencyId == agency.Id, ct))
        {
            v.Add("NormativeDocumentId", "所选的规范性文件不在本机关的登记簿中。");
        }

        v.ThrowIfInvalid();
        var clean = input with
        {
            Title = title,
            Summary = summary,
            Body = body,
            PublishingAgency = publishingAgency,
            DocumentNumber = NullIfEmpty(input.DocumentNumber),
            Topic = topic.Length == 0 ? null : topic,
            Article21Item = article21.Length == 0 ? null : article21,
            Validity = validity.Length == 0 ? null : validity,
            Keywords = Clean(input.Keywords),
            Source = Clean(input.Source),
            Interprets = interprets,
        };
        return (clean, keyAreaIds);
    }

    /// <summary>第二十一条's items for the agency's level: 乡镇 have their own list; 街道 and 派出机构 none; the rest the county list.</summary>
    public static IReadOnlyList<string> Article21For(AgencyKind kind) => kind switch
    {
        AgencyKind.Township => CatalogueNames.Article21Township,
        AgencyKind.Government or AgencyKind.Department => CatalogueNames.Article21County,
        _ => [],
    };

    /// <summary>Writes the clean input onto the record (not the stage, numbers or publication fields).</summary>
    internal static void Apply(CatalogueItemRecord item, CatalogueItemInput clean)
    {
        item.Kind = clean.Kind;
        item.Title = clean.Title!;
        item.Summary = clean.Summary!;
        item.Body = clean.Body!;
        item.PublishingAgency = clean.PublishingAgency!;
        item.DocumentNumber = clean.DocumentNumber;
        item.Formed = clean.Formed!.Value;
        item.Changed = clean.Changed;
        item.Topic = clean.Topic;
        item.Directory = clean.Directory;
        item.Article20Item = clean.Directory == ColumnDirectory.Statutory ? clean.Article20Item : null;
        item.Article21Item = clean.Directory == ColumnDirectory.Statutory ? clean.Article21Item : null;
        item.Validity = clean.Validity;
        item.EffectiveOn = clean.EffectiveOn;
        item.RepealedOn = clean.RepealedOn;
        item.Attribute = clean.Attribute;
        item.Keywords = clean.Keywords!;
        item.Source = clean.Source!;
        item.NormativeDocumentId = clean.NormativeDocumentId;
    }

    /// <summary>Replaces the item's key-area tags and interpretation links with the clean input's.</summary>
    internal static async Task ReplaceTagsAndLinksAsync(GongkaiDbContext db, int itemId, IReadOnlyList<int> keyAreaIds, IReadOnlyList<int> interprets, CancellationToken ct)
    {
        var tags = await db.CatalogueItemTags.Where(t => t.ItemId == itemId).ToListAsync(ct);
        db.CatalogueItemTags.RemoveRange(tags.Where(t => !keyAreaIds.Contains(t.TermId)));
        db.CatalogueItemTags.AddRange(keyAreaIds.Where(id => !tags.Any(t => t.TermId == id)).Select(id => new CatalogueItemTagRecord { ItemId = itemId, TermId = id }));
        var links = await db.CatalogueLinks.Where(l => l.InterpretationId == itemId).ToListAsync(ct);
        db.CatalogueLinks.RemoveRange(links.Where(l => !interprets.Contains(l.DocumentId)));
        db.CatalogueLinks.AddRange(interprets.Where(id => !links.Any(l => l.DocumentId == id)).Select(id => new CatalogueLinkRecord { InterpretationId = itemId, DocumentId = id }));
    }

    /// <summary>The metadata of a published version, kept with it so the public history shows what was published.</summary>
    internal static string Snapshot(CatalogueItemRecord item, IEnumerable<string> keyAreas, IEnumerable<CatalogueAttachmentRecord> attachments) => JsonSerializer.Serialize(new PublishedMetadata(
        item.IndexNumber,
        item.PublishingAgency,
        item.DocumentNumber,
        item.Formed,
        item.Changed,
        item.Topic,
        item.Directory,
        item.Article20Item,
        item.Article21Item,
        item.Validity,
        item.EffectiveOn,
        item.RepealedOn,
        item.Keywords,
        item.Source,
        [.. keyAreas],
        [.. attachments.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new PublishedAttachment(a.Id, a.FileName, a.ContentType, a.Size))]));

    public static PublishedMetadata ReadSnapshot(string json) => JsonSerializer.Deserialize<PublishedMetadata>(json)
        ?? throw new InvalidOperationException("empty snapshot");

    private static string Clean(string? text) => (text ?? string.Empty).Trim();

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A published version's metadata (stored as JSON with the version).</summary>
public sealed record PublishedMetadata(
    string? IndexNumber,
    string PublishingAgency,
    string? DocumentNumber,
    DateOnly Formed,
    DateOnly? Changed,
    string? Topic,
    ColumnDirectory Directory,
    int? Article20Item,
    string? Article21Item,
    string? Validity,
    DateOnly? EffectiveOn,
    DateOnly? RepealedOn,
    string Keywords,
    string Source,
    IReadOnlyList<string> KeyAreas,
    IReadOnlyList<PublishedAttachment> Attachments);

/// <summary>An attachment as listed in a published version.</summary>
public sealed record PublishedAttachment(int Id, string FileName, string ContentType, long Size);
