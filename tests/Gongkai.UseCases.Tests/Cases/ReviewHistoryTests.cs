using System.Text;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>
/// The history of review cases (who, when, what), resubmits applied once, concurrent edits refused, the 受理编号 that
/// links a case to its application, the list's filters and the case's documents.
/// </summary>
public abstract class ReviewHistoryTests(DatabaseProvider provider) : CaseWorld(provider)
{
    private static readonly DateOnly Filed = new(2026, 2, 10);

    private async Task<ApplicationRecord> ServedApplicationAsync()
    {
        var app = await RegisterAsync(new DateOnly(2026, 1, 5));
        await StepAsync(app.Id, new AcceptStep());
        await StepAsync(app.Id, new DecideStep(DecisionType.WithheldProcessInformation, new DateOnly(2026, 1, 20), "不予公开：过程性信息"));
        await StepAsync(app.Id, new ServeStep(new DateOnly(2026, 1, 22), ServiceMethod.Direct, "申请人签收"));
        return app;
    }

    private static ReviewCaseInput Review(ApplicationRecord app, string number = "包昆复〔2026〕12号", string? key = null) => new()
    {
        ApplicationCaseNumber = app.CaseNumber,
        Kind = ReviewKind.AdministrativeReview,
        ExternalNumber = number,
        Body = "包头市昆都仑区人民政府",
        Filed = Filed,
        RequestKey = key,
    };

    private Task<ReviewCaseResult> RegisterReviewAsync(ReviewCaseInput input, string user = Head) =>
        AsStaff<RegisterReviewCase, ReviewCaseResult>(user, u => u.ExecuteAsync(input));

    private Task<ReviewCaseResult> AnswerAsync(long id, int version, string? key, string user = Head, DateOnly? filed = null) =>
        AsStaff<RecordReviewAnswer, ReviewCaseResult>(user, u => u.ExecuteAsync(id, version, new DateOnly(2026, 2, 12), filed ?? new DateOnly(2026, 2, 20), key));

    private Task<ReviewCaseResult> OutcomeAsync(long id, int version, string? key, string user = Head) =>
        AsStaff<RecordReviewOutcome, ReviewCaseResult>(user, u => u.ExecuteAsync(id, version, ReviewOutcomeDetail.Revoked, new DateOnly(2026, 4, 10), "责令重新答复。", key));

    private Task<ReviewCaseResult> AttachAsync(long id, ReviewDocumentKind kind, string name, byte[] content, string? key = null, string user = Head) =>
        AsStaff<AttachReviewDocument, ReviewCaseResult>(user, u => u.ExecuteAsync(id, kind, new UploadedFile(name, "application/octet-stream", new MemoryStream(content)), key));

    private Task<ReviewCaseDetail> ReviewDetailAsync(long id, string user = Head) => AsStaff<GetReviewCase, ReviewCaseDetail>(user, u => u.ExecuteAsync(id));

    private Task<List<ReviewCaseEventRecord>> ReviewEventsAsync(long id) =>
        QueryAsync(db => db.ReviewCaseEvents.AsNoTracking().Where(e => e.ReviewCaseId == id).OrderBy(e => e.Id).ToListAsync());

    private static readonly byte[] Pdf = "%PDF-1.7\n答复书"u8.ToArray();

    [ProviderFact]
    public async Task Each_step_is_recorded_with_who_when_and_what_and_the_case_number_finds_the_application()
    {
        var app = await ServedApplicationAsync();
        var review = await RegisterReviewAsync(Review(app), "jyj-cb");
        var answered = await AnswerAsync(review.Id, review.Version, null, "jyj-cb", new DateOnly(2026, 2, 24));
        await AttachAsync(review.Id, ReviewDocumentKind.Answer, "答复书.pdf", Pdf, user: "jyj-cb");
        await OutcomeAsync(review.Id, answered.Version, null, "jyj-sh");

        var detail = await ReviewDetailAsync(review.Id);
        Assert.Equal(app.Id, detail.Case.ApplicationId); // resolved from the 受理编号
        Assert.Equal(app.AgencyId, detail.Case.AgencyId); // the agency that answered the application
        Assert.Equal(["Registered", "AnswerRecorded", "DocumentAdded", "OutcomeRecorded"], detail.History.Select(h => h.Kind));
        Assert.Equal(["张敏", "张敏", "张敏", "刘洋"], detail.History.Select(h => h.Actor));
        Assert.All(detail.History, h => Assert.Equal(Database.Clock.GetUtcNow(), h.At));
        Assert.Equal($"登记行政复议：包昆复〔2026〕12号，复议机关为包头市昆都仑区人民政府，申请日期 2026-02-10。所涉申请：{app.CaseNumber}。", detail.History[0].Summary);
        Assert.Equal("2026-02-12 收到行政复议申请书副本，答复期限至 2026-02-22；2026-02-24 提出书面答复（已超过期限）。", detail.History[1].Summary);
        Assert.StartsWith("上传答复书：答复书.pdf", detail.History[2].Summary, StringComparison.Ordinal);
        Assert.Equal("复议决定：撤销（表四计为结果纠正），日期 2026-04-10。备注：责令重新答复。", detail.History[3].Summary);
        Assert.Equal(new DateOnly(2026, 4, 10), detail.History[3].On);
        Assert.True(detail.Case.AnswerOverdue);
        Assert.True(detail.IsConcluded);
        var document = Assert.Single(detail.Documents);
        Assert.Equal(("答复书", "答复书.pdf", (long)Pdf.Length, "张敏"), (document.KindName, document.FileName, document.Size, document.UploadedBy));

        // The history is the database's own: it cannot be rewritten.
        var update = await Record.ExceptionAsync(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE review_case_events SET \"Summary\" = 'forged'")));
        Assert.NotNull(update);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Record.ExceptionAsync(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM review_case_events")));
        Assert.NotNull(delete);
        Assert.Equal(4, (await ReviewEventsAsync(review.Id)).Count);
    }

    [ProviderFact]
    public async Task A_resubmitted_form_is_applied_once_and_returns_the_first_result()
    {
        var app = await ServedApplicationAsync();
        var first = await RegisterReviewAsync(Review(app, key: "register-1"));
        var again = await RegisterReviewAsync(Review(app, key: "register-1"));
        Assert.False(first.Repeated);
        Assert.True(again.Repeated);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await QueryAsync(db => db.ReviewCases.CountAsync()));

        // The answer posted twice from the same page: the second finds the first, not a conflict.
        var answered = await AnswerAsync(first.Id, first.Version, "answer-1");
        var answeredAgain = await AnswerAsync(first.Id, first.Version, "answer-1");
        Assert.True(answeredAgain.Repeated);
        Assert.Equal(answered.Version, answeredAgain.Version);

        var concluded = await OutcomeAsync(first.Id, answered.Version, "outcome-1");
        var concludedAgain = await OutcomeAsync(first.Id, answered.Version, "outcome-1");
        Assert.True(concludedAgain.Repeated);
        Assert.Equal(concluded.Version, concludedAgain.Version);

        // A document sent twice is stored once (one row, one file; the demo's own files, such as its seal, stay as they were).
        var files = StoredFiles().Length;
        await AttachAsync(first.Id, ReviewDocumentKind.ReviewDecision, "复议决定书.pdf", Pdf, "doc-1");
        var attachedAgain = await AttachAsync(first.Id, ReviewDocumentKind.ReviewDecision, "复议决定书.pdf", Pdf, "doc-1");
        Assert.True(attachedAgain.Repeated);
        Assert.Equal(1, await QueryAsync(db => db.ReviewDocuments.CountAsync()));
        Assert.Equal(files + 1, StoredFiles().Length);

        Assert.Equal(["Registered", "AnswerRecorded", "OutcomeRecorded", "DocumentAdded"], (await ReviewEventsAsync(first.Id)).Select(e => e.Kind));

        // Without a key, a second registration is a second case (a different number is a different case).
        await RegisterReviewAsync(Review(app, "包昆复〔2026〕13号"));
        Assert.Equal(2, await QueryAsync(db => db.ReviewCases.CountAsync()));
    }

    [ProviderFact]
    public async Task Two_people_on_the_same_page_the_second_is_refused_in_chinese_and_nothing_is_saved()
    {
        var app = await ServedApplicationAsync();
        var review = await RegisterReviewAsync(Review(app));
        await AnswerAsync(review.Id, review.Version, "clerk-answer", "jyj-cb");
        var stale = await Assert.ThrowsAsync<DomainException>(() => AnswerAsync(review.Id, review.Version, "head-answer", Head, new DateOnly(2026, 2, 13)));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);
        Assert.Contains("由张敏修改过，您看到的页面已过期，本次操作未保存", stale.Message, StringComparison.Ordinal);
        var stored = await QueryAsync(db => db.ReviewCases.AsNoTracking().SingleAsync(r => r.Id == review.Id));
        Assert.Equal(new DateOnly(2026, 2, 20), stored.AnswerFiled);
        Assert.Equal(2, stored.Version);
        Assert.Equal(["Registered", "AnswerRecorded"], (await ReviewEventsAsync(review.Id)).Select(e => e.Kind));
    }

    [ProviderFact]
    public async Task Submits_racing_at_the_same_moment_apply_exactly_once()
    {
        var app = await ServedApplicationAsync();

        // The same registration form sent three times at once: one case, all three see it.
        var registered = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RegisterReviewAsync(Review(app, key: "race-register"))));
        Assert.Single(registered.Select(r => r.Id).Distinct());
        Assert.Single(registered, r => !r.Repeated);
        Assert.Equal(1, await QueryAsync(db => db.ReviewCases.CountAsync()));
        var id = registered[0].Id;

        // Two people record different things on the same version at once: exactly one is saved, the other is told.
        var outcomes = await Task.WhenAll(
            Outcome(() => AnswerAsync(id, 1, "clerk", "jyj-cb")),
            Outcome(() => OutcomeAsync(id, 1, "head")));
        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == CaseHistory.ConcurrentChangeCode);
        var stored = await QueryAsync(db => db.ReviewCases.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(2, stored.Version);
        Assert.True((stored.AnswerFiled is not null) ^ (stored.Outcome is not null));
        Assert.Equal(2, (await ReviewEventsAsync(id)).Count);

        static async Task<string?> Outcome(Func<Task> step)
        {
            try
            {
                await step();
                return null;
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        }
    }

    [ProviderFact]
    public async Task An_unknown_or_hidden_case_number_is_refused_beside_its_field()
    {
        var app = await ServedApplicationAsync();
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => RegisterReviewAsync(Review(app) with { ApplicationCaseNumber = "不存在-001" }));
        Assert.Equal("找不到受理编号为“不存在-001”的申请，或您无权查看。", unknown.Errors[nameof(ReviewCaseInput.ApplicationCaseNumber)]);

        // 沼潭街道 may not reach 教育局's application through its number.
        var hidden = await Assert.ThrowsAsync<ValidationFailedException>(() => RegisterReviewAsync(Review(app), "zt-cb"));
        Assert.Contains(nameof(ReviewCaseInput.ApplicationCaseNumber), hidden.Errors.Keys);

        // Neither an application nor an agency: the agency is asked for.
        var none = await Assert.ThrowsAsync<ValidationFailedException>(() => RegisterReviewAsync(Review(app) with { ApplicationCaseNumber = null }));
        Assert.Contains(nameof(ReviewCaseInput.AgencyId), none.Errors.Keys);
        Assert.Equal(0, await QueryAsync(db => db.ReviewCases.CountAsync()));
    }

    [ProviderFact]
    public async Task The_list_filters_by_kind_status_and_year_as_table_four_counts_and_pages()
    {
        var app = await ServedApplicationAsync();
        var education = app.AgencyId;
        var review = await RegisterReviewAsync(Review(app));
        await OutcomeAsync(review.Id, review.Version, null);
        var direct = await RegisterReviewAsync(new ReviewCaseInput
        {
            AgencyId = education,
            Kind = ReviewKind.LitigationDirect,
            ExternalNumber = "（2025）内0203行初99号",
            Body = "包头市昆都仑区人民法院",
            Filed = new DateOnly(2025, 12, 10),
        });
        for (var i = 1; i <= 3; i++)
        {
            await RegisterReviewAsync(new ReviewCaseInput { AgencyId = education, Kind = ReviewKind.LitigationDirect, ExternalNumber = $"（2026）内0203行初{i}号", Body = "包头市昆都仑区人民法院", Filed = new DateOnly(2026, 3, i) });
        }

        Task<Page<ReviewCaseItem>> List(ReviewCaseQuery q, string user = Head) => AsStaff<ListReviewCases, Page<ReviewCaseItem>>(user, u => u.ExecuteAsync(q));

        Assert.Equal(5, (await List(new ReviewCaseQuery())).Total);
        Assert.Equal(4, (await List(new ReviewCaseQuery { Kind = ReviewKind.LitigationDirect })).Total);
        Assert.Equal([review.Id], (await List(new ReviewCaseQuery { Status = ReviewYearStatus.Corrected })).Items.Select(x => x.Id));
        Assert.Equal(4, (await List(new ReviewCaseQuery { Status = ReviewYearStatus.Pending })).Total);
        Assert.Equal([direct.Id], (await List(new ReviewCaseQuery { Year = 2025 })).Items.Select(x => x.Id));
        Assert.Equal([direct.Id], (await List(new ReviewCaseQuery { Year = 2025, Status = ReviewYearStatus.Pending })).Items.Select(x => x.Id));
        Assert.Empty((await List(new ReviewCaseQuery { Year = 2025, Status = ReviewYearStatus.Corrected })).Items);
        Assert.Equal([review.Id], (await List(new ReviewCaseQuery { ApplicationId = app.Id })).Items.Select(x => x.Id));

        // Each filtered list has as many cases as the matching cell of table 四.
        var table = await AsStaff<ReviewTable4, Core.Reports.Table4>(Head, u => u.ExecuteAsync(2026));
        Assert.Equal(table.Cells[(int)Core.Reports.Table4Block.LitigationDirect * 5 + 3], (await List(new ReviewCaseQuery { Year = 2026, Kind = ReviewKind.LitigationDirect, Status = ReviewYearStatus.Pending })).Total);

        // Pages of two, newest first; a page past the end shows the last.
        var first = await List(new ReviewCaseQuery { PageSize = 2 });
        Assert.Equal((1, 3, 5), (first.Number, first.PageCount, first.Total));
        Assert.Equal(["（2026）内0203行初3号", "（2026）内0203行初2号"], first.Items.Select(x => x.ExternalNumber));
        var last = await List(new ReviewCaseQuery { PageSize = 2, Page = 9 });
        Assert.Equal(3, last.Number);
        Assert.Equal(["（2025）内0203行初99号"], last.Items.Select(x => x.ExternalNumber));

        // Another branch lists nothing.
        Assert.Equal(0, (await List(new ReviewCaseQuery(), "zt-cb")).Total);
    }

    [ProviderFact]
    public async Task Documents_are_checked_like_attachments_and_only_staff_who_see_the_case_download_them()
    {
        var app = await ServedApplicationAsync();
        var review = await RegisterReviewAsync(Review(app));
        var files = StoredFiles().Length;
        var fake = await Assert.ThrowsAsync<ValidationFailedException>(() => AttachAsync(review.Id, ReviewDocumentKind.Evidence, "证据.pdf", Encoding.UTF8.GetBytes("<html>")));
        Assert.Contains("内容与扩展名不符", fake.Errors["File"], StringComparison.Ordinal);
        var judgment = await Assert.ThrowsAsync<ValidationFailedException>(() => AttachAsync(review.Id, ReviewDocumentKind.Judgment, "判决书.pdf", Pdf));
        Assert.Equal("请选择材料类型。", judgment.Errors["Kind"]); // a 复议 has no 判决书
        Assert.Equal(files, StoredFiles().Length); // refused files are not kept

        await AttachAsync(review.Id, ReviewDocumentKind.FilingCopy, "复议申请书.pdf", Pdf);
        var doc = (await ReviewDetailAsync(review.Id)).Documents.Single();
        Assert.Equal("行政复议申请书副本", doc.KindName);
        var content = await AsStaff<GetReviewDocument, AttachmentContent>("jyj-cb", u => u.ExecuteAsync(review.Id, doc.Id));
        await using (content.Content)
        {
            using var copy = new MemoryStream();
            await content.Content.CopyToAsync(copy);
            Assert.Equal(Pdf, copy.ToArray());
            Assert.Equal("application/pdf", content.ContentType);
        }

        var other = await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetReviewDocument, AttachmentContent>("zt-cb", u => u.ExecuteAsync(review.Id, doc.Id)));
        Assert.Equal("not_found", other.Code);
        var upload = await Assert.ThrowsAsync<DomainException>(() => AttachAsync(review.Id, ReviewDocumentKind.Evidence, "证据.pdf", Pdf, user: "zt-cb"));
        Assert.Equal("not_found", upload.Code);
        var second = await RegisterReviewAsync(Review(app, "包昆复〔2026〕13号"));
        var elsewhere = await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetReviewDocument, AttachmentContent>(Head, u => u.ExecuteAsync(second.Id, doc.Id)));
        Assert.Equal("not_found", elsewhere.Code);

        // 发布员 may not upload.
        var publisher = await Assert.ThrowsAsync<DomainException>(() => AttachAsync(review.Id, ReviewDocumentKind.Evidence, "证据.pdf", Pdf, user: "fabu"));
        Assert.Equal("forbidden", publisher.Code);
    }

    private string[] StoredFiles()
    {
        var root = Path.Combine(Database.DataDirectory, "files");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }
}

public sealed class SqliteReviewHistoryTests() : ReviewHistoryTests(DatabaseProvider.Sqlite);

public sealed class PostgresReviewHistoryTests() : ReviewHistoryTests(DatabaseProvider.Postgres);
