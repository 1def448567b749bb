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

/// <summary>The catalogue tests' world: the education bureau's clerk, reviewer and head, the 政务公开办, and the steps from draft to publication.</summary>
public abstract class CatalogueWorld(DatabaseProvider provider) : CaseWorld(provider)
{
    // 教育局: 张敏 drafts, 刘洋 reviews, 陈静 heads the office; the district's 王芳 (政务公开办); the department publishes itself.
    protected const string Clerk = "jyj-cb";
    protected const string Reviewer = "jyj-sh";
    protected const string Office = "gkb";
    protected const string Publisher = Head; // the office head publishes for the department (the district's 发布员 sees only the district)

    protected async Task<CatalogueItemInput> InputAsync(string title = "昆都仑区2026年秋季学期义务教育阶段学校招生工作方案", string body = "为做好我区义务教育阶段学校招生工作，现将有关事项通知如下。") =>
        CatalogueRows.SampleInput(await AgencyIdAsync(Education)) with
        {
            Title = title,
            Summary = "2026年秋季学期义务教育阶段招生的范围、时间和程序。",
            Body = body,
        };

    protected Task<int> CreateAsync(CatalogueItemInput input, string user = Clerk, string? key = null) =>
        AsStaff<CreateCatalogueItem, int>(user, u => u.ExecuteAsync(input, key));

    protected Task<CatalogueItemRecord> ItemAsync(int id) => QueryAsync(db => db.CatalogueItems.AsNoTracking().SingleAsync(i => i.Id == id));

    protected async Task<int> VersionOf(int id) => (await ItemAsync(id)).Version;

    protected async Task SubmitAsync(int id, string user = Clerk) => await AsStaff<SubmitCatalogueItem, SubmitResult>(user, async u => await u.ExecuteAsync(id, await VersionOf(id)));

    protected async Task<int> StepAsync(int id, string user, ItemStage at, bool approve = true, string? comment = null, string? key = null) =>
        await AsStaff<ReviewCatalogueItem, int>(user, async u => await u.ExecuteAsync(id, await VersionOf(id), at, approve, comment, key));

    protected async Task ReviewAndProofreadAsync(int id)
    {
        await StepAsync(id, Reviewer, ItemStage.FirstReview, comment: "文字通顺，要素齐全。");
        await StepAsync(id, Head, ItemStage.SecondReview);
        await StepAsync(id, Office, ItemStage.FinalReview, comment: "同意发布。");
        for (var round = 1; round <= ReviewWorkflow.DefaultProofreadingRounds; round++)
        {
            Assert.Equal((ItemStage.Proofreading, round), ((await ItemAsync(id)).Stage, (await ItemAsync(id)).ProofreadingRound));
            await StepAsync(id, Clerk, ItemStage.Proofreading);
        }
    }

    protected async Task<int> PublishAsync(int id, DateTimeOffset? at = null) => await AsStaff<PublishCatalogueItem, int>(Publisher, async u => await u.ExecuteAsync(id, await VersionOf(id), at));

    protected Task<PublicCatalogueItem> PublicAsync(int id, int? revision = null) => UseCase<GetPublicCatalogueItem, PublicCatalogueItem>(u => u.ExecuteAsync(id, revision));
}
