using Gongkai.Core.Common;

namespace Gongkai.Core.Publishing;

/// <summary>
/// What the automatic checks use: the agency's 不规范表述 list and sensitive-word list, and whether each kind of
/// finding blocks the item or only warns. Defaults: personal data and sensitive words block, 不规范表述 and broken
/// links warn; the expression list is the starter list and there are no sensitive words.
/// </summary>
public sealed record ContentCheckSettings
{
    public static ContentCheckSettings Default { get; } = new();

    public NonStandardExpressions Expressions { get; init; } = NonStandardExpressions.Starter;

    public SensitiveWords SensitiveWords { get; init; } = SensitiveWords.Empty;

    public CheckSeverity NonStandardExpressionSeverity { get; init; } = CheckSeverity.Warning;

    public CheckSeverity SensitiveWordSeverity { get; init; } = CheckSeverity.Blocking;

    public CheckSeverity PersonalDataSeverity { get; init; } = CheckSeverity.Blocking;

    public CheckSeverity BrokenLinkSeverity { get; init; } = CheckSeverity.Warning;

    public CheckSeverity SeverityOf(CheckKind kind) => kind switch
    {
        CheckKind.NonStandardExpression => NonStandardExpressionSeverity,
        CheckKind.SensitiveWord => SensitiveWordSeverity,
        CheckKind.PersonalData => PersonalDataSeverity,
        CheckKind.BrokenLink => BrokenLinkSeverity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// Runs the checks that need no network on an item's text (title, summary or body; plain text or HTML) and returns
/// the findings sorted by position. Broken links are checked outside Core (UseCases' LinkChecker) over the links
/// <see cref="LinkExtractor"/> finds, and merged with <see cref="Merge"/>.
/// </summary>
public static class ContentChecker
{
    public static IReadOnlyList<ContentFinding> Check(string text, ContentCheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(settings);
        var findings = new List<ContentFinding>();

        var severity = settings.NonStandardExpressionSeverity;
        foreach (var m in settings.Expressions.Find(text))
        {
            var note = m.Rule.Note is null ? string.Empty : $"（{m.Rule.Note}）";
            findings.Add(new ContentFinding(
                CheckKind.NonStandardExpression, severity, m.Start, m.Length, text.Substring(m.Start, m.Length), m.Rule.Right,
                $"不规范表述：“{m.Rule.Wrong}”应为“{m.Rule.Right}”{note}。"));
        }

        severity = settings.SensitiveWordSeverity;
        foreach (var (start, length, word) in settings.SensitiveWords.Find(text))
        {
            findings.Add(new ContentFinding(
                CheckKind.SensitiveWord, severity, start, length, text.Substring(start, length), null,
                $"敏感词：“{word}”，请核实后修改或删除。"));
        }

        severity = settings.PersonalDataSeverity;
        foreach (var m in PersonalDataDetector.Find(text))
        {
            var what = m.Type switch
            {
                PersonalDataType.ResidentIdNumber => m.Value.Length == 15 ? "疑似居民身份证号（15 位旧号码，出生日期有效）" : "疑似居民身份证号（校验位正确）",
                PersonalDataType.MobileNumber => "疑似手机号码",
                _ => "疑似银行卡号（通过 Luhn 校验）",
            };
            findings.Add(new ContentFinding(
                CheckKind.PersonalData, severity, m.Start, m.Length, text.Substring(m.Start, m.Length), m.Masked,
                $"{what}，公开前应删除或遮盖：{m.Masked}"));
        }

        return Sort(findings);
    }

    /// <summary>Findings of several checks (e.g. with the link checker's) in one list sorted by position.</summary>
    public static IReadOnlyList<ContentFinding> Merge(params IEnumerable<IEnumerable<ContentFinding>> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return Sort(lists.SelectMany(l => l).ToList());
    }

    /// <summary>Whether any finding stops the item from going to review.</summary>
    public static bool HasBlocking(IEnumerable<ContentFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return findings.Any(f => f.Severity == CheckSeverity.Blocking);
    }

    private static List<ContentFinding> Sort(List<ContentFinding> findings) =>
        findings.OrderBy(f => f.Start).ThenByDescending(f => f.Length).ThenBy(f => f.Kind).ToList();
}

/// <summary>
/// 一键改正: puts a finding's suggestion in place of the text it found (the right form of a 不规范表述, the masked form
/// of personal data). The text must still hold what was found at that place, otherwise it changed since the check.
/// </summary>
public static class ContentFindingText
{
    public const string StaleCode = "publishing.finding_stale";
    public const string NoSuggestionCode = "publishing.no_suggestion";

    public static string Apply(string text, ContentFinding finding) => ApplyAll(text, [finding]);

    /// <summary>
    /// Applies every finding that has a suggestion, from the end of the text backwards so offsets stay valid; of two
    /// overlapping findings only the first is applied. Findings without a suggestion are left alone.
    /// </summary>
    public static string ApplyAll(string text, IEnumerable<ContentFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        var list = findings.ToList();
        if (list.Count == 1 && list[0].Suggestion is null)
        {
            throw new DomainException(NoSuggestionCode, "这一处没有可自动改正的写法，请手动修改。");
        }

        var chosen = new List<ContentFinding>();
        var end = -1;
        foreach (var f in list.Where(f => f.Suggestion is not null).OrderBy(f => f.Start))
        {
            if (f.Start < 0 || f.End > text.Length || !text.AsSpan(f.Start, f.Length).SequenceEqual(f.Found))
            {
                throw new DomainException(StaleCode, $"正文已修改，“{Shown(f)}”不在原来的位置，请重新检查后再改正。");
            }

            if (f.Start >= end)
            {
                chosen.Add(f);
                end = f.End;
            }
        }

        var result = text;
        for (var k = chosen.Count - 1; k >= 0; k--)
        {
            var f = chosen[k];
            result = string.Concat(result.AsSpan(0, f.Start), f.Suggestion, result.AsSpan(f.End));
        }

        return result;
    }

    // Personal data is never echoed in full.
    private static string Shown(ContentFinding f) => f.Kind == CheckKind.PersonalData ? f.Suggestion ?? string.Empty : f.Found;
}
