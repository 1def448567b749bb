using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;

namespace Gongkai.UseCases.Cases;

/// <summary>The recorded facts of a closed case that an audited correction may change; null leaves a fact as it is.</summary>
public sealed record ClosedCaseCorrection
{
    public required string Reason { get; init; }

    public DecisionType? Decision { get; init; }

    public DateOnly? Decided { get; init; }

    public string? DecisionSummary { get; init; }

    public string? HoldingAgency { get; init; }

    public DateOnly? Served { get; init; }

    public ServiceMethod? ServiceMethod { get; init; }

    public string? ServiceEvidence { get; init; }
}

/// <summary>
/// 更正办结记录: a closed case (decided, served or archived) is read-only (条例第四十五条); a mistake in its record is
/// corrected only by a 工作机构负责人 or 系统管理员, with a reason, and the history shows what was changed from what.
/// Open cases are changed by their steps, never here.
/// </summary>
[AuditAction("更正办结记录")]
public sealed class CorrectClosedApplication(StaffContext staff, AuditContext audit, CaseHistory history)
{
    public async Task<CaseStepResult> ExecuteAsync(long applicationId, int expectedVersion, ClosedCaseCorrection change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        staff.EnsureRole(Roles.OfficeHead, Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        var loaded = await history.LoadAsync(applicationId, staff, ct);
        var r = loaded.Record;
        CaseHistory.EnsureVersion(r, expectedVersion);
        if (r.Decision is null)
        {
            throw new DomainException(CaseHistory.ClosedCode, "该申请尚未办结，请通过办理步骤修改，不需要更正办结记录。");
        }

        var reason = change.Reason?.Trim() ?? string.Empty;
        if (reason.Length is 0 or > 1000)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { [nameof(change.Reason)] = "请填写更正理由（不超过 1000 字）。" });
        }

        var changes = new List<string>();
        var decision = change.Decision ?? r.Decision.Value;
        var decided = change.Decided ?? r.Decided!.Value;
        var served = change.Served ?? r.Served;
        if (change.Decision is { } d && d != r.Decision)
        {
            var info = DecisionCatalog.Of(d);
            if (info.AppliesTo != r.Type && d != DecisionType.Other)
            {
                throw new DomainException(CaseLifecycle.InvalidTransitionCode, $"“{info.Name}”不适用于{DecisionCatalog.Name(r.Type)}。");
            }

            changes.Add($"答复类型由“{DecisionCatalog.Of(r.Decision.Value).Name}”改为“{info.Name}”");
        }

        if (r.Received is { } received && decided < received)
        {
            throw new DomainException(CaseLifecycle.InvalidTransitionCode, "决定日期不能早于收到申请的日期。");
        }

        if (served is { } s && s < decided)
        {
            throw new DomainException(CaseLifecycle.InvalidTransitionCode, "送达日期不能早于作出决定的日期。");
        }

        if (decided != r.Decided)
        {
            changes.Add($"决定日期由 {r.Decided:yyyy-MM-dd} 改为 {decided:yyyy-MM-dd}");
        }

        if (served != r.Served)
        {
            if (r.Served is null)
            {
                throw new DomainException(CaseLifecycle.InvalidTransitionCode, "尚未送达的申请请通过“登记送达”办理。");
            }

            changes.Add($"送达日期由 {r.Served:yyyy-MM-dd} 改为 {served:yyyy-MM-dd}");
        }

        var method = change.ServiceMethod ?? r.ServiceMethod;
        if (method != r.ServiceMethod)
        {
            changes.Add($"送达方式由“{(r.ServiceMethod is { } old ? ServiceNames.Of(old) : "未登记")}”改为“{ServiceNames.Of(method!.Value)}”");
        }

        var evidence = change.ServiceEvidence is null ? r.ServiceEvidence : NullIfBlank(change.ServiceEvidence);
        if (evidence is { Length: > 500 })
        {
            throw new ValidationFailedException(new Dictionary<string, string> { [nameof(change.ServiceEvidence)] = "送达凭证不能超过 500 个字。" });
        }

        if (evidence != r.ServiceEvidence)
        {
            changes.Add("送达凭证已更正");
        }

        var summary = change.DecisionSummary is null ? r.DecisionSummary : NullIfBlank(change.DecisionSummary);
        if (summary is { Length: > PerformCaseStep.MaxTextLength })
        {
            throw new ValidationFailedException(new Dictionary<string, string> { [nameof(change.DecisionSummary)] = $"答复内容摘要不能超过 {PerformCaseStep.MaxTextLength} 个字。" });
        }

        if (summary != r.DecisionSummary)
        {
            changes.Add("答复内容摘要已更正");
        }

        var holder = change.HoldingAgency is null ? r.HoldingAgency : string.IsNullOrWhiteSpace(change.HoldingAgency) ? null : change.HoldingAgency.Trim();
        if (holder is not null && decision != DecisionType.NotHeld)
        {
            throw new DomainException(CaseLifecycle.InvalidTransitionCode, "只有“本机关不掌握”的答复可以告知掌握该信息的机关。");
        }

        if (holder is { Length: > 200 })
        {
            throw new ValidationFailedException(new Dictionary<string, string> { [nameof(change.HoldingAgency)] = "掌握该信息的机关不能超过 200 个字。" });
        }

        if (holder != r.HoldingAgency)
        {
            changes.Add($"掌握该信息的机关由“{r.HoldingAgency ?? "未填写"}”改为“{holder ?? "未填写"}”");
        }

        if (changes.Count == 0)
        {
            throw new DomainException(ValidationFailedException.ErrorCode, "没有需要更正的内容。");
        }

        // Everything is checked: only now is the record changed.
        r.ServiceMethod = method;
        r.ServiceEvidence = evidence;
        r.DecisionSummary = summary;
        var snapshot = r.Snapshot() with { Decision = decision, Decided = decided, Served = served, HoldingAgency = holder };
        var corrected = new LoadedCase(r, ApplicationCase.Restore(snapshot), loaded.Calendar);
        return await history.CommitAsync(corrected, CaseEvents.RecordCorrected, staff.DisplayName, null, $"更正办结记录：{string.Join("；", changes)}。理由：{reason}", visibleToApplicant: false, null, ct);
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
