using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.PersonalData;

namespace Gongkai.Core.Publishing;

public enum PersonalDataType
{
    ResidentIdNumber,
    MobileNumber,
    BankCardNumber,
}

/// <summary>
/// Personal data found in a text: offsets of the whole number as written (with its spaces or hyphens), the number's
/// digits alone, and the masked form to show or to put in its place.
/// </summary>
public readonly record struct PersonalDataMatch(int Start, int Length, PersonalDataType Type, string Value)
{
    public string Masked => Type switch
    {
        PersonalDataType.ResidentIdNumber => Masking.IdNumber(Value),
        PersonalDataType.MobileNumber => Masking.Phone(Value),
        _ => Masking.Mask(Value, 4, 4),
    };
}

/// <summary>
/// Finds personal data that must not be published in a text, by the numbers' own rules rather than by their
/// length alone:
/// <list type="bullet">
/// <item>居民身份证号: 18 characters (17 digits and a digit or X) with a known province code, a birth date from 1900 to
/// 2099 and the GB 11643 check character; or the old 15-digit form with a province code and a valid 19YYMMDD date.
/// Written whole or as 6-8-4 groups.</item>
/// <item>Mobile numbers: 1[3-9] and 9 more digits, whole or as 3-4-4 groups (139 1234 5678, 139-1234-5678), also
/// after +86.</item>
/// <item>Bank card numbers: 16–19 digits starting with 3, 4, 5, 6 or 9 that pass the Luhn check, whole, in groups of
/// four, or as 6 and the rest.</item>
/// </list>
/// A number is read as a whole: digits joined by one space or hyphen form groups, and a match is made of whole groups,
/// so nothing is found inside a longer run of digits, a decimal (13912345678.50), a code with letters (统一社会信用代码,
/// which is also skipped when it is all digits and labelled as such), an amount (…元, …万元, …%), a 文号, a date or
/// a landline number (0472-1234567, which offices publish on purpose). An 11-digit number labelled just before as a
/// 准考证号, 编号 or the like (and not as a phone) is not a mobile number.
/// </summary>
public static class PersonalDataDetector
{
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
        61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
    ];

    private static readonly string[] OtherNumberLabels = ["准考证", "考号", "编号", "学号", "工号", "订单号", "流水号", "档案号", "登记号", "序号", "批号"];

    private static readonly string[] PhoneLabels = ["电话", "手机", "联系", "Tel", "TEL", "tel"];

    public static IReadOnlyList<PersonalDataMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PersonalDataMatch>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsDigit(text[i]))
            {
                i++;
                continue;
            }

            var taintedStart = i > 0 && (IsLetter(text[i - 1]) || (IsPoint(text[i - 1]) && i > 1 && IsDigit(text[i - 2])));
            var groups = new List<Group>();
            while (true)
            {
                var s = i;
                while (i < text.Length && IsDigit(text[i]))
                {
                    i++;
                }

                var hasX = i < text.Length && text[i] is 'X' or 'x' or 'Ｘ' or 'ｘ'
                    && (i + 1 == text.Length || !(IsDigit(text[i + 1]) || IsLetter(text[i + 1])));
                if (hasX)
                {
                    i++;
                }

                groups.Add(new Group(s, i, Digits(text, s, i)));
                if (!hasX && i + 1 < text.Length && IsSeparator(text[i]) && IsDigit(text[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            var taintedEnd = i < text.Length && (IsLetter(text[i]) || (IsPoint(text[i]) && i + 1 < text.Length && IsDigit(text[i + 1])) || IsUnit(text[i]));
            Match(text, groups, taintedStart, taintedEnd, found);
        }

        return found;
    }

    private static void Match(string text, List<Group> groups, bool taintedStart, bool taintedEnd, List<PersonalDataMatch> found)
    {
        var g = 0;
        while (g < groups.Count)
        {
            var match = TryAt(text, groups, g, taintedStart, taintedEnd, out var used);
            if (match is { } m)
            {
                found.Add(m);
                g += used;
            }
            else
            {
                g++;
            }
        }
    }

    private static PersonalDataMatch? TryAt(string text, List<Group> groups, int g, bool taintedStart, bool taintedEnd, out int used)
    {
        // Patterns over several groups first, then a single group.
        (PersonalDataType Type, int[] Lengths)[] patterns =
        [
            (PersonalDataType.ResidentIdNumber, [6, 8, 4]),
            (PersonalDataType.BankCardNumber, [4, 4, 4, 4, -1]),
            (PersonalDataType.BankCardNumber, [4, 4, 4, 4]),
            (PersonalDataType.BankCardNumber, [6, -2]),
            (PersonalDataType.MobileNumber, [3, 4, 4]),
        ];
        foreach (var (type, lengths) in patterns)
        {
            if (g + lengths.Length > groups.Count || !Usable(groups, g, g + lengths.Length - 1, taintedStart, taintedEnd))
            {
                continue;
            }

            var fits = true;
            for (var k = 0; k < lengths.Length && fits; k++)
            {
                var len = groups[g + k].Digits.Length;
                var hasX = groups[g + k].Digits.EndsWith('X');
                fits = lengths[k] switch
                {
                    -1 => len is >= 1 and <= 3 && !hasX,
                    -2 => len is >= 10 and <= 13 && !hasX,
                    _ => len == lengths[k] && (!hasX || (type == PersonalDataType.ResidentIdNumber && k == lengths.Length - 1)),
                };
            }

            var value = fits ? string.Concat(groups.Skip(g).Take(lengths.Length).Select(x => x.Digits)) : null;
            if (value is not null && Valid(type, value, text, groups[g].Start))
            {
                used = lengths.Length;
                return new PersonalDataMatch(groups[g].Start, groups[g + lengths.Length - 1].End - groups[g].Start, type, value);
            }
        }

        used = 1;
        if (!Usable(groups, g, g, taintedStart, taintedEnd))
        {
            return null;
        }

        var group = groups[g];
        foreach (var type in (PersonalDataType[])[PersonalDataType.ResidentIdNumber, PersonalDataType.BankCardNumber, PersonalDataType.MobileNumber])
        {
            if (Valid(type, group.Digits, text, group.Start))
            {
                return new PersonalDataMatch(group.Start, group.End - group.Start, type, group.Digits);
            }
        }

        return null;
    }

    private static bool Usable(List<Group> groups, int first, int last, bool taintedStart, bool taintedEnd) =>
        !(first == 0 && taintedStart) && !(last == groups.Count - 1 && taintedEnd);

    private static bool Valid(PersonalDataType type, string value, string text, int start) => type switch
    {
        PersonalDataType.ResidentIdNumber => IsIdNumber(value) && !IsLabelledCreditCode(value, text, start),
        PersonalDataType.MobileNumber => IsMobileNumber(value) && !IsLabelledOtherNumber(text, start),
        _ => IsBankCardNumber(value),
    };

    /// <summary>A 居民身份证号 in either form (see the type's summary); <paramref name="value"/> is digits (and X) only.</summary>
    public static bool IsIdNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 15)
        {
            return value.All(char.IsAsciiDigit) && Provinces.Contains(int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture))
                && DateOnly.TryParseExact("19" + value.Substring(6, 6), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }

        return value.Length == 18 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1])
            && Provinces.Contains(int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture))
            && value[6..8] is "19" or "20"
            && ResidentIdNumber.TryParse(value, out _, out _);
    }

    public static bool IsMobileNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 11 && value[0] == '1' && value[1] is >= '3' and <= '9' && value.All(char.IsAsciiDigit);
    }

    public static bool IsBankCardNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is < 16 or > 19 || value[0] is not ('3' or '4' or '5' or '6' or '9') || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var k = 0; k < value.Length; k++)
        {
            var d = value[value.Length - 1 - k] - '0';
            if (k % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>An all-digit 统一社会信用代码 that passes its own check and is labelled as one just before.</summary>
    private static bool IsLabelledCreditCode(string value, string text, int start)
    {
        if (value.Length != 18 || !CreditCode.TryParse(value, out _, out _))
        {
            return false;
        }

        var from = Math.Max(0, start - 30);
        return text.AsSpan(from, start - from).Contains("信用代码", StringComparison.Ordinal);
    }

    /// <summary>
    /// An 11-digit number labelled just before (same line, 12 characters) as another kind of number that is published
    /// on purpose — a 准考证号 in a 公务员录用公示, a 编号 — and not as a phone.
    /// </summary>
    private static bool IsLabelledOtherNumber(string text, int start)
    {
        var from = Math.Max(0, start - 12);
        var before = text[from..start];
        var newline = before.LastIndexOfAny(['\n', '\r']);
        if (newline >= 0)
        {
            before = before[(newline + 1)..];
        }

        return OtherNumberLabels.Any(l => before.Contains(l, StringComparison.Ordinal))
            && !PhoneLabels.Any(l => before.Contains(l, StringComparison.Ordinal));
    }

    private static string Digits(string text, int start, int end)
    {
        var chars = new char[end - start];
        for (var k = start; k < end; k++)
        {
            var c = text[k];
            chars[k - start] = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c is 'x' or 'Ｘ' or 'ｘ' ? 'X' : c;
        }

        return new string(chars);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static bool IsLetter(char c) => char.IsAsciiLetter(c) || c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';

    private static bool IsPoint(char c) => c is '.' or '．';

    private static bool IsSeparator(char c) => c is ' ' or '-' or '－' or '\u00A0';

    private static bool IsUnit(char c) => c is '元' or '万' or '亿' or '%' or '％' or '‰';

    private readonly record struct Group(int Start, int End, string Digits);
}
