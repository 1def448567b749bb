namespace Gongkai.Core.Publishing;

/// <summary>Whether a finding stops an item from going to review (the agency decides per kind of check).</summary>
public enum CheckSeverity
{
    Blocking,
    Warning,
}

/// <summary>The automatic checks run on a 主动公开 item before a reviewer sees it.</summary>
public enum CheckKind
{
    /// <summary>不规范表述: a fixed phrase written wrongly, an outdated name of a body, a typo in an idiom.</summary>
    NonStandardExpression,

    /// <summary>A word on the agency's own sensitive-word list.</summary>
    SensitiveWord,

    /// <summary>A 居民身份证号, mobile number or bank card number that must not be published.</summary>
    PersonalData,

    /// <summary>A link in the body that does not answer (checked over HTTP outside Core).</summary>
    BrokenLink,
}

/// <summary>
/// One thing a check found. <see cref="Start"/> and <see cref="Length"/> are offsets into the checked text (UTF-16
/// code units) so a page can highlight it inline; <see cref="Found"/> is that text. <see cref="Suggestion"/> is the
/// replacement offered as 一键改正 (the right form of a 不规范表述, the masked form of personal data), or null.
/// <see cref="Message"/> is the Chinese sentence shown next to it and never contains personal data in full.
/// </summary>
public sealed record ContentFinding(
    CheckKind Kind,
    CheckSeverity Severity,
    int Start,
    int Length,
    string Found,
    string? Suggestion,
    string Message)
{
    public int End => Start + Length;
}
