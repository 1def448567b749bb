using Gongkai.Core.Common;
using Gongkai.Core.Publishing;

namespace Gongkai.Core.Tests.Publishing;

public sealed class ReviewWorkflowTests
{
    [Fact]
    public void Approvals_move_through_the_three_reviews_then_the_proofreading_rounds_then_ready()
    {
        var (stage, round) = (ItemStage.FirstReview, 0);
        var path = new List<string>();
        while (stage != ItemStage.ReadyToPublish)
        {
            (stage, round) = ReviewWorkflow.AfterApproval(stage, round, rounds: 3);
            path.Add(stage == ItemStage.Proofreading ? $"校对{round}" : CatalogueNames.Of(stage));
        }

        Assert.Equal(["待复审", "待终审", "校对1", "校对2", "校对3", "待发布"], path);
        Assert.Equal((ItemStage.ReadyToPublish, 0), ReviewWorkflow.AfterApproval(ItemStage.Proofreading, 5, 5));
        Assert.Equal((ItemStage.Proofreading, 5), ReviewWorkflow.AfterApproval(ItemStage.Proofreading, 4, 5));
    }

    [Theory]
    [InlineData(ItemStage.Draft)]
    [InlineData(ItemStage.ReadyToPublish)]
    [InlineData(ItemStage.Published)]
    [InlineData(ItemStage.Withdrawn)]
    public void Only_review_and_proofreading_stages_take_an_approval(ItemStage stage) =>
        Assert.Throws<DomainException>(() => ReviewWorkflow.AfterApproval(stage, 0, 3));

    [Fact]
    public void One_person_may_take_only_one_of_the_three_reviews_but_may_proofread()
    {
        ReviewApproval[] done = [new(ItemStage.FirstReview, "u1", "刘洋"), new(ItemStage.SecondReview, "u2", "陈静")];
        Assert.Contains("初审", ReviewWorkflow.SeparationProblem(ItemStage.FinalReview, "u1", done), StringComparison.Ordinal);
        Assert.Contains("复审", ReviewWorkflow.SeparationProblem(ItemStage.FinalReview, "u2", done), StringComparison.Ordinal);
        Assert.Null(ReviewWorkflow.SeparationProblem(ItemStage.FinalReview, "u3", done));
        Assert.Null(ReviewWorkflow.SeparationProblem(ItemStage.Proofreading, "u1", done));

        // The same stage again (e.g. a second 初审 approval recorded after a retry) is not a second duty.
        Assert.Null(ReviewWorkflow.SeparationProblem(ItemStage.FirstReview, "u1", done[..1]));
    }

    [Fact]
    public void The_statutory_lists_are_complete()
    {
        Assert.Equal(15, CatalogueNames.Article20.Count);
        Assert.Equal("（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", CatalogueNames.Article20Label(11));
        Assert.Equal("（一）行政法规、规章和规范性文件", CatalogueNames.Article20Label(1));
        Assert.Equal(7, CatalogueNames.Article21County.Count);
        Assert.Equal(8, CatalogueNames.Article21Township.Count);
        Assert.Equal(4, Enum.GetValues<ColumnDirectory>().Length);
    }
}
