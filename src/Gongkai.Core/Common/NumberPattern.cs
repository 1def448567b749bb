using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Common;

/// <summary>
/// The agencies' numbering patterns (受理编号, 文号, 索引号): placeholders in braces — {简称}, {YYYY}, {统一社会信用代码},
/// {组织机构代码} (the 9 characters of the 统一社会信用代码 after its first 8) — and the serial {N…}, zero-padded to the
/// number of N.
/// </summary>
public static partial class NumberPattern
{
    public const string ShortName = "{简称}";
    public const string Year = "{YYYY}";
    public const string CreditCode = "{统一社会信用代码}";
    public const string OrganisationCode = "{组织机构代码}";

    public static bool HasSerial(string pattern) => Serial().IsMatch(pattern ?? string.Empty);

    /// <summary>The placeholders of a pattern that are not known (e.g. a typo like {年份}).</summary>
    public static IReadOnlyList<string> Unknown(string pattern) =>
        [.. Placeholder().Matches(pattern ?? string.Empty).Select(m => m.Value).Where(p => p is not (ShortName or Year or CreditCode or OrganisationCode) && !Serial().IsMatch(p)).Distinct()];

    public static string Format(string pattern, int year, long serial, string? shortName = null, string? creditCode = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = pattern.Replace(Year, year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (shortName is not null)
        {
            text = text.Replace(ShortName, shortName, StringComparison.Ordinal);
        }

        if (creditCode is not null)
        {
            text = text.Replace(CreditCode, creditCode, StringComparison.Ordinal)
                .Replace(OrganisationCode, creditCode.Length == 18 ? creditCode[8..17] : creditCode, StringComparison.Ordinal);
        }

        return Serial().Replace(text, m => serial.ToString(CultureInfo.InvariantCulture).PadLeft(m.Length - 2, '0'));
    }

    [GeneratedRegex(@"\{N+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Serial();

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
