using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>行政复议 and 行政诉讼 against a decision on an application, and their counts in table 四.</summary>
public abstract class ReviewCaseTests(DatabaseProvider provider) : CaseWorld(provider)
{
    /// <summary>An application at 区教育局 decided on 2026-01-20 and served on 2026-01-22.</summary>
    private async Task<ApplicationRecord> ServedApplicationAsync()
    {
        var app = await RegisterAsync(new DateOnly(2026, 1, 5));
        await StepAsync(app.Id, new AcceptStep());
        await StepAsync(app.Id, new DecideStep(DecisionType.WithheldProcessInformation, new DateOnly(2026, 1, 20), "不予公开：过程性信息"));
        await StepAsync(app.Id, new ServeStep(new DateOnly(2026, 1, 22), ServiceMethod.Direct, "申请人签收"));
        return app;
    }

    private Task<ReviewCaseResult> RegisterReviewAsync(ReviewCaseInput input, string user = Head) =>
        AsStaff<RegisterReviewCase, ReviewCaseResult>(user, u => u.ExecuteAsync(input));

    private Task<ReviewCaseResult> OutcomeAsync(ReviewCaseResult c, ReviewOutcomeDetail detail, DateOnly on, string user = Head) =>
        AsStaff<RecordReviewOutcome, ReviewCaseResult>(user, u => u.ExecuteAsync(c.Id, c.Version, detail, on));

    private Task<IReadOnlyList<ReviewCaseItem>> ListAsync(string user = Head) => AsStaff<ListReviewCases, IReadOnlyList<ReviewCaseItem>>(user, u => u.ExecuteAsync());

    private async Task<(ApplicationRecord App, ReviewCaseResult Review)> ReviewOnServedApplicationAsync()
    {
        var app = await ServedApplicationAsync();
        var review = await RegisterReviewAsync(new ReviewCaseInput
        {
            AgencyId = app.AgencyId,
            ApplicationId = app.Id,
            Kind = ReviewKind.AdministrativeReview,
            ExternalNumber = "包昆复〔2026〕12号",
            Body = "包头市昆都仑区人民政府",
            Filed = new DateOnly(2026, 2, 10),
        });
        return (app, review);
    }

    [ProviderFact]
    public async Task A_review_of_a_served_decision_has_its_periods_its_answer_and_a_corrected_outcome()
    {
        var (app, review) = await ReviewOnServedApplicationAsync();
        var listed = Assert.Single(await ListAsync());
        Assert.Equal(app.CaseNumber, listed.ApplicationCaseNumber);
        Assert.Equal(new DateOnly(2026, 3, 23), listed.FilingDeadline); // 60 days from service on 22 January
        Assert.Null(listed.AnswerDue);
        Assert.Equal("尚未审结", listed.OutcomeName);

        var answered = await AsStaff<RecordReviewAnswer, ReviewCaseResult>("jyj-cb", u => u.ExecuteAsync(review.Id, review.Version, new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 20)));
        listed = Assert.Single(await ListAsync());
        Assert.Equal(new DateOnly(2026, 2, 22), listed.AnswerDue); // 10 days from the copy (行政复议法第四十八条)
        Assert.False(listed.AnswerOverdue);

        await OutcomeAsync(answered, ReviewOutcomeDetail.Revoked, new DateOnly(2026, 4, 10), "jyj-sh");
        listed = Assert.Single(await ListAsync());
        Assert.Equal(ReviewOutcome.Corrected, listed.Outcome);
        Assert.Equal("撤销", listed.OutcomeName);
        Assert.Equal(new DateOnly(2026, 4, 10), listed.Concluded);
    }

    [ProviderFact]
    public async Task A_suit_after_review_follows_the_concluded_review_and_table_four_counts_the_pending_one()
    {
        var (app, review) = await ReviewOnServedApplicationAsync();
        await OutcomeAsync(review, ReviewOutcomeDetail.Revoked, new DateOnly(2026, 4, 10));
        var suit = await RegisterReviewAsync(new ReviewCaseInput
        {
            AgencyId = app.AgencyId,
            Kind = ReviewKind.LitigationAfterReview,
            PreviousReviewId = review.Id,
            ExternalNumber = "（2026）内0203行初45号",
            Body = "包头市昆都仑区人民法院",
            Filed = new DateOnly(2026, 4, 20),
            CopyReceived = new DateOnly(2026, 4, 22),
        });
        var listed = (await ListAsync()).Single(x => x.Id == suit.Id);
        Assert.Equal(app.Id, listed.ApplicationId); // taken from the review
        Assert.Equal(app.CaseNumber, listed.ApplicationCaseNumber);
        Assert.Equal(new DateOnly(2026, 4, 25), listed.FilingDeadline); // 15 days from the 复议决定
        Assert.Equal(new DateOnly(2026, 5, 7), listed.AnswerDue); // 15 days from the copy (行政诉讼法第六十七条)
        Assert.True(listed.AnswerOverdue);

        // A direct suit about proactive disclosure, filed in 2025 and dismissed in 2026.
        var direct = await RegisterReviewAsync(new ReviewCaseInput
        {
            AgencyId = app.AgencyId,
            Kind = ReviewKind.LitigationDirect,
            ExternalNumber = "（2025）内0203行初99号",
            Body = "包头市昆都仑区人民法院",
            Filed = new DateOnly(2025, 12, 10),
        });
        await OutcomeAsync(direct, ReviewOutcomeDetail.Dismissed, new DateOnly(2026, 3, 1));

        var t2025 = await AsStaff<ReviewTable4, Table4>(Head, u => u.ExecuteAsync(2025));
        Assert.Equal([0, 0, 0, 0, 0], t2025.Block(Table4Block.AdministrativeReview).ToArray());
        Assert.Equal([0, 0, 0, 1, 1], t2025.Block(Table4Block.LitigationDirect).ToArray());
        var t2026 = await AsStaff<ReviewTable4, Table4>(Head, u => u.ExecuteAsync(2026));
        Assert.Equal([0, 1, 0, 0, 1], t2026.Block(Table4Block.AdministrativeReview).ToArray());
        Assert.Equal([0, 0, 1, 0, 1], t2026.Block(Table4Block.LitigationDirect).ToArray());
        Assert.Equal([0, 0, 0, 1, 1], t2026.Block(Table4Block.LitigationAfterReview).ToArray());

        // The district's 政务公开办 sees the supervised agency's cases; 教育局's own table is the same.
        var district = await AsStaff<ReviewTable4, Table4>("gkb", u => u.ExecuteAsync(2026));
        Assert.Equal(t2026.Cells, district.Cells);
    }

    [ProviderFact]
    public async Task Another_branch_neither_sees_nor_changes_the_cases()
    {
        var (app, review) = await ReviewOnServedApplicationAsync();
        Assert.Empty(await ListAsync("zt-cb"));
        var table = await AsStaff<ReviewTable4, Table4>("zt-cb", u => u.ExecuteAsync(2026));
        Assert.All(table.Cells, c => Assert.Equal(0, c));
        var e = await Assert.ThrowsAsync<DomainException>(() => OutcomeAsync(review, ReviewOutcomeDetail.Upheld, new DateOnly(2026, 4, 1), "zt-cb"));
        Assert.Equal("not_found", e.Code);
        e = await Assert.ThrowsAsync<DomainException>(() => AsStaff<ReviewTable4, Table4>("zt-cb", u => u.ExecuteAsync(2026, [app.AgencyId])));
        Assert.Equal("not_found", e.Code);
        e = await Assert.ThrowsAsync<DomainException>(() => RegisterReviewAsync(new ReviewCaseInput
        {
            AgencyId = app.AgencyId,
            ApplicationId = app.Id,
            Kind = ReviewKind.LitigationDirect,
            ExternalNumber = "x",
            Body = "法院",
            Filed = new DateOnly(2026, 3, 1),
        }, "zt-cb"));
        Assert.Equal("not_found", e.Code);
    }

    [ProviderFact]
    public async Task Invalid_cases_stale_pages_and_concluded_cases_are_refused_in_chinese()
    {
        var (app, review) = await ReviewOnServedApplicationAsync();
        var basic = new ReviewCaseInput
        {
            AgencyId = app.AgencyId,
            ApplicationId = app.Id,
            Kind = ReviewKind.LitigationDirect,
            ExternalNumber = "（2026）内0203行初1号",
            Body = "包头市昆都仑区人民法院",
            Filed = new DateOnly(2026, 3, 1),
        };

        async Task Refused(Func<Task> act, string contains)
        {
            var e = await Assert.ThrowsAnyAsync<DomainException>(act);
            Assert.Contains(contains, e is ValidationFailedException v ? string.Join(" ", v.Errors.Values) : e.Message, StringComparison.Ordinal);
        }

        await Refused(() => RegisterReviewAsync(basic with { Filed = Today.AddDays(1) }), "不能晚于今天");
        await Refused(() => RegisterReviewAsync(basic with { ExternalNumber = " " }), "请填写案号");
        await Refused(() => RegisterReviewAsync(basic with { Kind = ReviewKind.LitigationAfterReview }), "须关联已审结的行政复议");
        await Refused(() => RegisterReviewAsync(basic with { Kind = ReviewKind.LitigationAfterReview, PreviousReviewId = review.Id }), "尚未审结");
        await Refused(() => RegisterReviewAsync(basic with { PreviousReviewId = review.Id }), "只有复议后起诉");

        var open = await RegisterAsync(new DateOnly(2026, 11, 2));
        await Refused(() => RegisterReviewAsync(basic with { ApplicationId = open.Id }), "尚未作出答复决定");

        // 变更 is not a court's outcome on a disclosure decision.
        var suit = await RegisterReviewAsync(basic);
        await Refused(() => OutcomeAsync(suit, ReviewOutcomeDetail.Varied, new DateOnly(2026, 5, 1)), "不是行政诉讼");

        // A stale page is refused naming who changed the case; a concluded case is read-only.
        var answered = await AsStaff<RecordReviewAnswer, ReviewCaseResult>(Head, u => u.ExecuteAsync(review.Id, review.Version, new DateOnly(2026, 2, 12), null));
        var stale = await Assert.ThrowsAsync<DomainException>(() => OutcomeAsync(review, ReviewOutcomeDetail.Upheld, new DateOnly(2026, 4, 1)));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);
        Assert.Contains("陈静", stale.Message, StringComparison.Ordinal);
        var done = await OutcomeAsync(answered, ReviewOutcomeDetail.Upheld, new DateOnly(2026, 4, 1));
        var closed = await Assert.ThrowsAsync<DomainException>(() => AsStaff<RecordReviewAnswer, ReviewCaseResult>(Head, u => u.ExecuteAsync(review.Id, done.Version, new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 21))));
        Assert.Equal(CaseHistory.ClosedCode, closed.Code);
        var stored = await QueryAsync(db => db.ReviewCases.AsNoTracking().SingleAsync(r => r.Id == review.Id));
        Assert.Null(stored.AnswerFiled);
        Assert.Equal(ReviewOutcomeDetail.Upheld, stored.OutcomeDetail);

        // 发布员 (no case role) may not register.
        var forbidden = await Assert.ThrowsAsync<DomainException>(() => RegisterReviewAsync(basic, "fabu"));
        Assert.Equal("forbidden", forbidden.Code);
    }

    [ProviderFact]
    public void The_catalogue_and_the_year_end_convention()
    {
        Assert.Equal(ReviewOutcome.Corrected, ReviewOutcomeCatalog.CountsAs(ReviewOutcomeDetail.ConfirmedUnlawful));
        Assert.Equal(ReviewOutcome.Corrected, ReviewOutcomeCatalog.CountsAs(ReviewOutcomeDetail.OrderedToPerform));
        Assert.Equal(ReviewOutcome.Other, ReviewOutcomeCatalog.CountsAs(ReviewOutcomeDetail.Terminated));
        Assert.Equal(ReviewOutcome.Upheld, ReviewOutcomeCatalog.CountsAs(ReviewOutcomeDetail.Upheld));
        Assert.DoesNotContain(ReviewOutcomeCatalog.For(ReviewKind.LitigationDirect), x => x.Detail == ReviewOutcomeDetail.Varied);
        Assert.Equal(new DateOnly(2026, 7, 22), ReviewRules.FilingDeadline(ReviewKind.LitigationDirect, new DateOnly(2026, 1, 22), null));

        var filed = new DateOnly(2024, 6, 1);
        Assert.Null(ReviewRules.YearEndStatus(2023, filed, null, null));
        Assert.Equal(ReviewYearStatus.Pending, ReviewRules.YearEndStatus(2024, filed, new DateOnly(2026, 2, 1), ReviewOutcome.Upheld));
        Assert.Equal(ReviewYearStatus.Pending, ReviewRules.YearEndStatus(2025, filed, new DateOnly(2026, 2, 1), ReviewOutcome.Upheld));
        Assert.Equal(ReviewYearStatus.Upheld, ReviewRules.YearEndStatus(2026, filed, new DateOnly(2026, 2, 1), ReviewOutcome.Upheld));
        Assert.Null(ReviewRules.YearEndStatus(2027, filed, new DateOnly(2026, 2, 1), ReviewOutcome.Upheld));
    }
}

public sealed class SqliteReviewCaseTests() : ReviewCaseTests(DatabaseProvider.Sqlite);

public sealed class PostgresReviewCaseTests() : ReviewCaseTests(DatabaseProvider.Postgres);
