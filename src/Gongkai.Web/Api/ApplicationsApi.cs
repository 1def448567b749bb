using Gongkai.Core.Cases;
using Gongkai.Data.Cases;
using Gongkai.UseCases;
using Gongkai.UseCases.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Api;

/// <summary>
/// 依申请公开 over REST, for a province's unified application platform or an OA system: intake (with an
/// Idempotency-Key) and every staff step, with a personal API token. The same use cases, roles, scopes, version checks
/// and history as the back office; errors are ProblemDetails with a stable <c>code</c> and a Chinese <c>title</c>.
/// </summary>
public static class ApplicationsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public sealed record ApplicationCreated(long Id, string CaseNumber, string QueryCode, int Version, CaseState State, bool Repeated);

    public sealed record StepRequest(int ExpectedVersion, CaseStep Step);

    /// <summary>Issue a letter: its kind key (e.g. "Reply.NotHeld"), the consultation for a 征求意见函, and optionally the adjusted text.</summary>
    public sealed record LetterRequest(int ExpectedVersion, string Kind, int? PauseSequence = null, string? Body = null);

    public sealed record AvailableLetterView(string Kind, string Name, int? PauseSequence, long? CurrentLetterId);

    public sealed record LettersView(IReadOnlyList<UseCases.Letters.IssuedLetter> Issued, IReadOnlyList<AvailableLetterView> Available);

    public sealed record DeadlineView(DateOnly Start, DateOnly Due, bool Provisional, bool Paused, IReadOnlyList<string> Explanation);

    public sealed record DecisionView(DecisionType Type, string Name, string LegalBasis, string? ReportRow, DateOnly? Decided, string? Summary, string? HoldingAgency);

    public sealed record HistoryView(DateTimeOffset At, string Actor, string Kind, DateOnly? On, string Summary, CaseState StateAfter, DateOnly? DueBefore, DateOnly? DueAfter);

    public sealed record ApplicationView(
        long Id,
        string CaseNumber,
        CaseType Type,
        string Agency,
        string? AssignedUnit,
        ApplicantType ApplicantType,
        string ApplicantName,
        string IdNumberMasked,
        string PhoneMasked,
        string Description,
        Channel Channel,
        DateOnly Arrived,
        DateOnly? Received,
        CaseState State,
        int Version,
        DeadlineView? Deadline,
        DecisionView? Decision,
        DateOnly? Served,
        ServiceMethod? ServiceMethod,
        IReadOnlyList<CaseAction> AllowedActions,
        IReadOnlyList<HistoryView> History);

    public sealed record ApplicationSummary(long Id, string CaseNumber, CaseType Type, string? Agency, string ApplicantName, CaseState State, DateOnly Arrived, DateOnly? Received, DateOnly? Due, bool Overdue, int Version);

    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/applications").RequireAuthorization(Policies.Staff).RequireRateLimiting(RateLimits.PublicApi).WithTags("依申请公开");
        group.MapPost("/", RegisterAsync).WithName("RegisterApplication").WithSummary("登记申请（任一渠道）；重复提交同一 Idempotency-Key 返回同一申请");
        group.MapGet("/", ListAsync).WithName("ListApplications").WithSummary("申请列表（按工作队列筛选，分页）");
        group.MapGet("/{id:long}", GetAsync).WithName("GetApplication").WithSummary("申请详情：期限说明、办理记录、可进行的步骤");
        group.MapPost("/{id:long}/steps", StepAsync).WithName("PerformCaseStep").WithSummary("办理一个步骤（expectedVersion 为当前版本；Idempotency-Key 使重复提交只办理一次）");
        group.MapGet("/{id:long}/letters", LettersAsync).WithName("ListApplicationLetters").WithSummary("已出具的文书和当前可出具的文书");
        group.MapPost("/{id:long}/letters", IssueLetterAsync).WithName("IssueLetter").WithSummary("出具文书（按本机关模板和文号；Idempotency-Key 使重复提交只出具一次）");
        api.MapGet("/letters/{letterId:long}/{format}", LetterFileAsync).RequireAuthorization(Policies.Staff).RequireRateLimiting(RateLimits.PublicApi).WithTags("依申请公开")
            .WithName("GetLetterFile").WithSummary("下载文书：format 为 docx、pdf 或 html；服务器未安装 Chromium 和中文字体时 pdf 返回 503 并说明");
        api.MapGet("/decisions", () => TypedResults.Ok(DecisionCatalog.All)).RequireAuthorization(Policies.Staff).WithTags("依申请公开").WithName("ListDecisionTypes").WithSummary("答复类型及其在年度报告表三中的行");
        return api;
    }

    private static async Task<Results<Created<ApplicationCreated>, Ok<ApplicationCreated>>> RegisterAsync(
        ApplicationInput input, [FromHeader(Name = IdempotencyHeader)] string? key, RegisterApplication register, CancellationToken ct)
    {
        var r = await register.ExecuteAsync(input, [], key, ct);
        var body = new ApplicationCreated(r.Application.Id, r.Application.CaseNumber, r.QueryCode, r.Application.Version, r.Application.State, r.Repeated);
        return r.Repeated ? TypedResults.Ok(body) : TypedResults.Created($"/api/v1/applications/{r.Application.Id}", body);
    }

    private static async Task<Ok<Page<ApplicationSummary>>> ListAsync(ListApplications list, CaseQueue? queue, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var p = await list.ExecuteAsync(new ApplicationQuery { Queue = queue ?? CaseQueue.All, Search = search, Page = page ?? 1, PageSize = pageSize ?? 50 }, ct);
        return TypedResults.Ok(new Page<ApplicationSummary>(
            [.. p.Items.Select(a => new ApplicationSummary(a.Id, a.CaseNumber, a.Type, a.AgencyName, a.ApplicantName, a.State, a.Arrived, a.Received, a.Deadline?.Due.Date, a.Overdue, a.Version))],
            p.Number,
            p.Size,
            p.Total));
    }

    private static async Task<Ok<ApplicationView>> GetAsync(long id, GetApplication get, CancellationToken ct) => TypedResults.Ok(View(await get.ExecuteAsync(id, ct)));

    private static async Task<Ok<CaseStepResult>> StepAsync(long id, StepRequest request, [FromHeader(Name = IdempotencyHeader)] string? key, PerformCaseStep perform, CancellationToken ct)
    {
        if (request?.Step is null)
        {
            throw new Core.Common.ValidationFailedException(new Dictionary<string, string> { ["step"] = "请求中缺少 step（步骤类型及其内容）。" });
        }

        return TypedResults.Ok(await perform.ExecuteAsync(id, request.ExpectedVersion, request.Step, key, ct));
    }

    private static async Task<Ok<LettersView>> LettersAsync(long id, UseCases.Letters.ListApplicationLetters letters, CancellationToken ct)
    {
        var (issued, available) = await letters.ExecuteAsync(id, ct);
        return TypedResults.Ok(new LettersView(issued, [.. available.Select(a => new AvailableLetterView(a.Kind.Key, a.Label, a.PauseSequence, a.Current?.Id))]));
    }

    private static async Task<Ok<UseCases.Letters.IssuedLetter>> IssueLetterAsync(long id, LetterRequest request, [FromHeader(Name = IdempotencyHeader)] string? key, UseCases.Letters.IssueLetter issue, CancellationToken ct)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Kind))
        {
            throw new Core.Common.ValidationFailedException(new Dictionary<string, string> { ["kind"] = "请求中缺少 kind（文书类型，如 Reply.NotHeld）。" });
        }

        return TypedResults.Ok(await issue.ExecuteAsync(id, request.ExpectedVersion, request.Kind, request.PauseSequence, request.Body, key, ct));
    }

    private static async Task<IResult> LetterFileAsync(long letterId, string format, UseCases.Letters.GetLetterFile file, CancellationToken ct)
    {
        if (!Enum.TryParse<UseCases.Letters.LetterFormat>(format, ignoreCase: true, out var f) || !Enum.IsDefined(f) || format.Any(char.IsDigit))
        {
            throw new Core.Common.ValidationFailedException(new Dictionary<string, string> { ["format"] = "format 应为 docx、pdf 或 html。" });
        }

        var letter = await file.ExecuteAsync(letterId, f, ct);
        return TypedResults.File(letter.Content, letter.ContentType, letter.FileName);
    }

    private static ApplicationView View(ApplicationDetail d)
    {
        var r = d.Record;
        var decision = r.Decision is { } type ? DecisionCatalog.Of(type) : null;
        return new ApplicationView(
            r.Id, r.CaseNumber, r.Type, d.AgencyName, d.AssignedAgencyName, r.ApplicantType, r.ApplicantName, d.IdNumberMasked, d.PhoneMasked, r.Description, r.Channel, r.Arrived, r.Received,
            r.State, r.Version,
            d.Deadline is { } dl ? new DeadlineView(dl.Start, dl.Due.Date, dl.IsProvisional, dl.IsPaused, dl.Explain()) : null,
            decision is null ? null : new DecisionView(decision.Type, decision.Name, decision.LegalBasis, decision.ReportRow, r.Decided, r.DecisionSummary, r.HoldingAgency),
            r.Served, r.ServiceMethod, d.AllowedActions,
            [.. d.History.Select(h => new HistoryView(h.At, h.Actor, h.Kind, h.On, h.Summary, h.StateAfter, h.DueBefore, h.DueAfter))]);
    }
}
