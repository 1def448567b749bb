using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Publishing;
using Gongkai.UseCases.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.UseCases.Tests.Publishing;

/// <summary>
/// 三审三校 of catalogue items: the checks before review, the order of the steps and who may take them, separation of
/// duties, proofreading rounds, publication now or later with a 索引号 unique under concurrency, revisions with their
/// public history, withdrawal, and 依申请公开转主动公开.
/// </summary>
public abstract class CatalogueWorkflowTests(DatabaseProvider provider) : CatalogueWorld(provider)
{
    [ProviderFact]
    public async Task An_item_goes_through_three_reviews_and_three_proofreading_rounds_and_is_published_with_its_index_number()
    {
        var id = await CreateAsync(await InputAsync(), key: "new-1");
        Assert.Equal(id, await CreateAsync(await InputAsync(), key: "new-1"));
        var draft = await ItemAsync(id);
        Assert.Equal(ItemStage.Draft, draft.Stage);
        Assert.Equal("包头市昆都仑区教育局", draft.PublishingAgency);
        Assert.Equal(new DateOnly(2026, 12, 18), draft.DueOn); // 20 working days from the day after 2026-11-20

        // A clerk may not review; the reviewer may not take the 复审 before the 初审.
        await SubmitAsync(id);
        var forbidden = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, Clerk, ItemStage.FirstReview));
        Assert.Equal("forbidden", forbidden.Code);
        var early = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, Head, ItemStage.SecondReview));
        Assert.Equal(CatalogueRules.StageCode, early.Code);

        await ReviewAndProofreadAsync(id);
        Assert.Equal(ItemStage.ReadyToPublish, (await ItemAsync(id)).Stage);
        await PublishAsync(id);

        var item = await ItemAsync(id);
        Assert.Equal(ItemStage.Published, item.Stage);
        Assert.Equal("150203-004/2026-00001", item.IndexNumber);
        Assert.Equal(new DateOnly(2026, 11, 27), item.FirstPublishedOn);
        var history = await QueryAsync(db => db.CatalogueItemEvents.AsNoTracking().Where(e => e.ItemId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(
            ["created:Draft", "submitted:Draft", "approved:FirstReview", "approved:SecondReview", "approved:FinalReview", "approved:Proofreading", "approved:Proofreading", "approved:Proofreading", "published:ReadyToPublish"],
            history.Select(e => $"{e.Kind}:{e.Stage}"));
        Assert.Equal([1, 2, 3], history.Where(e => e.Stage == ItemStage.Proofreading).Select(e => e.Round!.Value));
        Assert.Equal("文字通顺，要素齐全。", history.Single(e => e.Stage == ItemStage.FirstReview).Comment);

        var page = await PublicAsync(id);
        Assert.Equal("150203-004/2026-00001", page.Metadata.IndexNumber);
        Assert.Equal(["义务教育"], page.Metadata.KeyAreas);
        Assert.Null(page.Reviewers); // not printed unless the agency says so

        var revision = await QueryAsync(db => db.CatalogueRevisions.AsNoTracking().SingleAsync(r => r.ItemId == id));
        Assert.Equal("初审：刘洋　复审：陈静　终审：王芳　第1轮校对：张敏　第2轮校对：张敏　第3轮校对：张敏", revision.Reviewers);
        Assert.Equal(1, (await UseCase<ListPublicCatalogueItems, Page<PublicCatalogueRow>>(u => u.ExecuteAsync(new PublicCatalogueQuery()))).Total);
    }

    [ProviderFact]
    public async Task One_person_never_takes_two_of_the_three_reviews_of_a_submission()
    {
        var id = await CreateAsync(await InputAsync());
        await SubmitAsync(id);
        await StepAsync(id, Head, ItemStage.FirstReview);
        var twice = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, Head, ItemStage.SecondReview));
        Assert.Equal(CatalogueRules.SeparationCode, twice.Code);
        Assert.Contains("初审", twice.Message, StringComparison.Ordinal);
        var detail = await AsStaff<GetCatalogueItem, CatalogueItemDetail>(Head, u => u.ExecuteAsync(id));
        Assert.False(detail.Actions.Review);
        Assert.NotNull(detail.Actions.SeparationNote);

        await StepAsync(id, Reviewer, ItemStage.SecondReview);
        await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, Head, ItemStage.FinalReview));
        await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, Reviewer, ItemStage.FinalReview)); // 审核人 is not a leader

        // The leader returns it: a comment is required, and the next submission is a new cycle.
        await Assert.ThrowsAsync<ValidationFailedException>(() => StepAsync(id, Office, ItemStage.FinalReview, approve: false));
        await StepAsync(id, Office, ItemStage.FinalReview, approve: false, comment: "招生范围表述不准确，请核实。");
        Assert.Equal(ItemStage.Draft, (await ItemAsync(id)).Stage);
        await SubmitAsync(id);
        await StepAsync(id, Reviewer, ItemStage.FirstReview);
        await StepAsync(id, Head, ItemStage.SecondReview);
        await StepAsync(id, Office, ItemStage.FinalReview);
        Assert.Equal(ItemStage.Proofreading, (await ItemAsync(id)).Stage);

        // Proofreading: the agency's number of rounds, fixed when submitted; a round may be returned.
        await StepAsync(id, Clerk, ItemStage.Proofreading, approve: false, comment: "第二段“招生”误作“召生”。");
        Assert.Equal((ItemStage.Draft, 0), ((await ItemAsync(id)).Stage, (await ItemAsync(id)).ProofreadingRound));
    }

    [ProviderFact]
    public async Task A_blocking_check_stops_submission_and_a_warning_goes_to_the_reviewers()
    {
        var id = await CreateAsync(await InputAsync(body: $"联系人身份证号 {IdNumber}。"));
        var blocked = await Assert.ThrowsAsync<ContentBlockedException>(() => SubmitAsync(id));
        var finding = Assert.Single(blocked.Result.Blocking);
        Assert.Equal("Body", finding.Field);
        Assert.DoesNotContain(IdNumber, finding.Finding.Message, StringComparison.Ordinal);
        Assert.Equal(ItemStage.Draft, (await ItemAsync(id)).Stage);

        var version = await VersionOf(id);
        await AsStaff<UpdateCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(id, version, await InputAsync(body: "望各校再接再励，做好招生工作。")));
        var live = await AsStaff<CheckCatalogueItem, ItemCheckResult>(Clerk, async u => await u.ExecuteAsync(await AgencyIdAsync(Education), "标题", null, "望各校再接再励。", checkLinks: false));
        Assert.False(live.Blocks);
        Assert.Equal("再接再厉", Assert.Single(live.Warnings).Finding.Suggestion);

        var result = await AsStaff<SubmitCatalogueItem, SubmitResult>(Clerk, async u => await u.ExecuteAsync(id, await VersionOf(id), "submit-1"));
        Assert.Single(result.Warnings);
        Assert.Equal(result.Version, (await AsStaff<SubmitCatalogueItem, SubmitResult>(Clerk, u => u.ExecuteAsync(id, 1, "submit-1"))).Version);
        var submitted = await QueryAsync(db => db.CatalogueItemEvents.AsNoTracking().Where(e => e.ItemId == id && e.Kind == "submitted").ToListAsync());
        Assert.Contains("再接再厉", Assert.Single(submitted).Comment, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_revision_is_reviewed_again_and_the_public_sees_the_change_history()
    {
        var id = await CreateAsync(await InputAsync());
        await SubmitAsync(id);
        await ReviewAndProofreadAsync(id);
        await PublishAsync(id);

        await Assert.ThrowsAsync<ValidationFailedException>(async () => await AsStaff<ReviseCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(id, await VersionOf(id), " ")));
        await AsStaff<ReviseCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(id, await VersionOf(id), "更正第三条中的报名时间。"));
        var version = await VersionOf(id);
        await AsStaff<UpdateCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(id, version, (await InputAsync(body: "报名时间更正为12月1日至12月5日。")) with { Changed = new DateOnly(2026, 11, 27) }));
        Assert.Equal(1, (await PublicAsync(id)).Revision); // the published version stays public while the revision is reviewed

        await SubmitAsync(id);
        await ReviewAndProofreadAsync(id);
        await PublishAsync(id);

        var page = await PublicAsync(id);
        Assert.Equal(2, page.Revision);
        Assert.Contains("12月1日", page.Body, StringComparison.Ordinal);
        Assert.Equal([2, 1], page.History.Select(h => h.Revision));
        Assert.Equal("更正第三条中的报名时间。", page.History[0].ChangeNote);
        Assert.Equal("150203-004/2026-00001", page.Metadata.IndexNumber);
        var feed = await UseCase<ListPublicCatalogueFeed, IReadOnlyList<PublicFeedEntry>>(u => u.ExecuteAsync(limit: 10));
        Assert.Equal(page.PublishedAt, Assert.Single(feed).UpdatedAt); // the feed reads the latest version, once per item
        var first = await PublicAsync(id, 1);
        Assert.False(first.IsLatest);
        Assert.Contains("现将有关事项通知如下", first.Body, StringComparison.Ordinal);

        // The published versions are history: the database refuses to change them.
        var update = await Assert.ThrowsAnyAsync<Exception>(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync($"UPDATE {Data.GongkaiDbContext.CatalogueRevisionsTableName} SET \"Title\" = 'x'")));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync($"DELETE FROM {Data.GongkaiDbContext.CatalogueItemEventsTableName}")));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_withdrawn_item_leaves_the_portal_with_its_reason_and_can_come_back_revised()
    {
        var id = await CreateAsync(await InputAsync());
        await SubmitAsync(id);
        await ReviewAndProofreadAsync(id);
        await PublishAsync(id);

        await Assert.ThrowsAsync<DomainException>(async () => await AsStaff<WithdrawCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(id, await VersionOf(id), "错误")));
        await Assert.ThrowsAsync<ValidationFailedException>(async () => await AsStaff<WithdrawCatalogueItem, int>(Head, async u => await u.ExecuteAsync(id, await VersionOf(id), null)));
        await AsStaff<WithdrawCatalogueItem, int>(Head, async u => await u.ExecuteAsync(id, await VersionOf(id), "附件中含有不应公开的个人信息，已撤回处理。"));

        var tombstone = await PublicAsync(id);
        Assert.NotNull(tombstone.WithdrawnAt);
        Assert.Equal("附件中含有不应公开的个人信息，已撤回处理。", tombstone.WithdrawReason);
        Assert.Empty(tombstone.Body);
        Assert.Equal(0, (await UseCase<ListPublicCatalogueItems, Page<PublicCatalogueRow>>(u => u.ExecuteAsync(new PublicCatalogueQuery()))).Total);
        Assert.Equal(ItemStage.Withdrawn, (await ItemAsync(id)).Stage);
        await Assert.ThrowsAsync<DomainException>(async () => await AsStaff<WithdrawCatalogueItem, int>(Head, async u => await u.ExecuteAsync(id, await VersionOf(id), "再次撤回")));

        await AsStaff<ReviseCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(id, await VersionOf(id), "删除附件中的个人信息后重新发布。"));
        await SubmitAsync(id);
        await ReviewAndProofreadAsync(id);
        var later = await Assert.ThrowsAsync<ValidationFailedException>(() => PublishAsync(id, Database.Clock.GetUtcNow().AddDays(1)));
        Assert.Contains("须立即发布", later.Errors["At"], StringComparison.Ordinal); // else the withdrawn version would reappear until then
        Assert.NotNull((await PublicAsync(id)).WithdrawnAt);
        await PublishAsync(id);
        var back = await PublicAsync(id);
        Assert.Null(back.WithdrawnAt);
        Assert.Equal("150203-004/2026-00001", back.Metadata.IndexNumber); // a 索引号 is never reused or renumbered
    }

    [ProviderFact]
    public async Task An_item_published_at_a_set_time_is_public_from_then()
    {
        var id = await CreateAsync(await InputAsync());
        await SubmitAsync(id);
        await ReviewAndProofreadAsync(id);
        await Assert.ThrowsAsync<ValidationFailedException>(() => PublishAsync(id, Database.Clock.GetUtcNow().AddDays(-1)));
        await PublishAsync(id, Database.Clock.GetUtcNow().AddHours(6));
        Assert.Equal(ItemStage.Published, (await ItemAsync(id)).Stage);
        await Assert.ThrowsAsync<DomainException>(() => PublicAsync(id));
        Database.Clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(id, (await PublicAsync(id)).Id);
    }

    [ProviderFact]
    public async Task Publishers_at_the_same_moment_never_share_an_index_number()
    {
        var agency = await AgencyIdAsync(Education);
        var now = Database.Clock.GetUtcNow();
        var ids = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.GongkaiDbContext>();
            var items = Enumerable.Range(1, 12).Select(n => new CatalogueItemRecord
            {
                AgencyId = agency,
                Stage = ItemStage.ReadyToPublish,
                Title = $"第{n}条信息",
                Body = "正文",
                PublishingAgency = Education,
                Formed = new DateOnly(2026, 11, 20),
                DueOn = new DateOnly(2026, 12, 18),
                Article20Item = 11,
                ProofreadingRounds = 3,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            }).ToList();
            db.CatalogueItems.AddRange(items);
            await db.SaveChangesAsync();
            return items.Select(i => i.Id).ToList();
        });

        await Task.WhenAll(ids.Select(id => Task.Run(() => AsStaff<PublishCatalogueItem, int>(Publisher, u => u.ExecuteAsync(id, 1)))));
        var numbers = await QueryAsync(db => db.CatalogueItems.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.IndexNumber!).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"150203-004/2026-{n:D5}"), numbers.Order(StringComparer.Ordinal));
        Assert.Equal(13, await QueryAsync(db => db.IndexNumberSequences.Where(s => s.AgencyId == agency && s.Year == 2026).Select(s => s.Next).SingleAsync()));
    }

    [ProviderFact]
    public async Task An_agency_without_a_credit_code_is_told_before_its_first_index_number()
    {
        var agency = await AgencyIdAsync(Education);
        await QueryAsync(db => db.Agencies.Where(a => a.Id == agency).ExecuteUpdateAsync(s => s.SetProperty(a => a.IndexNumberPattern, Data.Agencies.AgencyRecord.DefaultIndexNumberPattern)));
        var id = await CreateAsync(await InputAsync());
        await SubmitAsync(id);
        await ReviewAndProofreadAsync(id);
        var refused = await Assert.ThrowsAsync<DomainException>(() => PublishAsync(id));
        Assert.Equal(CatalogueRules.IndexNumberCode, refused.Code);
        Assert.Contains("统一社会信用代码", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ItemStage.ReadyToPublish, (await ItemAsync(id)).Stage);

        await QueryAsync(db => db.Agencies.Where(a => a.Id == agency).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreditCode, "11441700007280420Y")));
        await PublishAsync(id);
        Assert.Equal("11441700007280420Y/2026-00001", (await ItemAsync(id)).IndexNumber);
    }

    [ProviderFact]
    public async Task Metadata_is_validated_in_chinese_and_interpretations_link_to_documents_both_ways()
    {
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(async () => await CreateAsync((await InputAsync(title: " ")) with { Formed = null, Topic = "不存在", Article20Item = 16, KeyAreas = ["乱写"] }));
        Assert.Equal(["Article20Item", "Formed", "KeyAreas", "Title", "Topic"], bad.Errors.Keys.Order());
        Assert.Contains("词表", bad.Errors["Topic"], StringComparison.Ordinal);
        var notHere = await Assert.ThrowsAsync<ValidationFailedException>(async () => await CreateAsync((await InputAsync()) with { Directory = ColumnDirectory.Rules }));
        Assert.Contains("法定主动公开内容", notHere.Errors["Article20Item"], StringComparison.Ordinal);
        var street = await Assert.ThrowsAsync<ValidationFailedException>(async () => await CreateAsync((await InputAsync()) with { Article20Item = null, Article21Item = "宅基地使用情况审核" }));
        Assert.Contains("市政建设", street.Errors["Article21Item"], StringComparison.Ordinal);

        var document = await CreateAsync(await InputAsync());
        await Assert.ThrowsAsync<ValidationFailedException>(async () => await CreateAsync((await InputAsync(title: "解读")) with { Kind = ItemKind.Interpretation }));
        var interpretation = await CreateAsync((await InputAsync(title: "《招生工作方案》政策解读")) with { Kind = ItemKind.Interpretation, Interprets = [document], KeyAreas = [] });
        var doc = await AsStaff<GetCatalogueItem, CatalogueItemDetail>(Clerk, u => u.ExecuteAsync(document));
        Assert.Equal([interpretation], doc.InterpretedBy.Select(l => l.Id));
        var inter = await AsStaff<GetCatalogueItem, CatalogueItemDetail>(Clerk, u => u.ExecuteAsync(interpretation));
        Assert.Equal([document], inter.Interprets.Select(l => l.Id));
        var again = await Assert.ThrowsAsync<ValidationFailedException>(async () => await CreateAsync((await InputAsync(title: "解读的解读")) with { Kind = ItemKind.Interpretation, Interprets = [interpretation] }));
        Assert.Contains("不能关联另一篇解读", again.Errors["Interprets"], StringComparison.Ordinal);

        // Another branch neither sees nor edits the department's items.
        await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetCatalogueItem, CatalogueItemDetail>("zt-cb", u => u.ExecuteAsync(document)));
        Assert.Equal(0, (await AsStaff<ListCatalogueItems, Page<CatalogueItemRow>>("zt-cb", u => u.ExecuteAsync(new CatalogueQuery()))).Total);
        Assert.Equal(2, (await AsStaff<ListCatalogueItems, Page<CatalogueItemRow>>(Office, u => u.ExecuteAsync(new CatalogueQuery()))).Total);
    }

    [ProviderFact]
    public async Task A_disclosed_application_is_proposed_once_for_proactive_disclosure_linked_to_its_case()
    {
        var c = await RegisterAsync(new DateOnly(2026, 11, 2));
        await StepAsync(c.Id, new AcceptStep());
        var undecided = await Assert.ThrowsAsync<DomainException>(() => AsStaff<ProposeApplicationForDisclosure, int>(Clerk, u => u.ExecuteAsync(c.Id, "多人申请")));
        Assert.Contains("已答复并送达", undecided.Message, StringComparison.Ordinal);
        await StepAsync(c.Id, new DecideStep(DecisionType.Disclosed, new DateOnly(2026, 11, 20), "予以公开，提供2026年招生计划。"));
        await StepAsync(c.Id, new ServeStep(new DateOnly(2026, 11, 23), ServiceMethod.Direct));

        await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<ProposeApplicationForDisclosure, int>(Clerk, u => u.ExecuteAsync(c.Id, "")));
        var id = await AsStaff<ProposeApplicationForDisclosure, int>(Clerk, u => u.ExecuteAsync(c.Id, "多个申请人申请相同信息，转为主动公开。"));
        Assert.Equal(id, await AsStaff<ProposeApplicationForDisclosure, int>(Clerk, u => u.ExecuteAsync(c.Id, "再次提出")));
        var detail = await AsStaff<GetCatalogueItem, CatalogueItemDetail>(Clerk, u => u.ExecuteAsync(id));
        Assert.Equal(c.CaseNumber, detail.ApplicationCaseNumber);
        Assert.Equal(ProposeApplicationForDisclosure.SourceText, detail.Item.Source);
        Assert.Equal(ItemStage.Draft, detail.Item.Stage);
        Assert.Equal("proposed", Assert.Single(detail.History).Kind);
    }
}

public sealed class SqliteCatalogueWorkflowTests() : CatalogueWorkflowTests(DatabaseProvider.Sqlite);

public sealed class PostgresCatalogueWorkflowTests() : CatalogueWorkflowTests(DatabaseProvider.Postgres);
