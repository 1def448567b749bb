using System.Diagnostics.CodeAnalysis;
using Gongkai.Core.Common;

namespace Gongkai.Core.Agencies;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, Z, S, V; the 18th is a check
/// character over the first 17 with weights 3^i mod 31. Parsed and formatted here only.
/// </summary>
public readonly record struct CreditCode
{
    public const string InvalidCode = "agency.invalid_credit_code";
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static CreditCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new DomainException(InvalidCode, error);

    public static bool TryParse(string? text, out CreditCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var s = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (s.Length != 18)
        {
            error = $"统一社会信用代码应为 18 位（收到 {s.Length} 位）。";
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var v = Alphabet.IndexOf(s[i], StringComparison.Ordinal);
            if (v < 0)
            {
                error = $"统一社会信用代码第 {i + 1} 位“{s[i]}”不是有效字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）。";
                return false;
            }

            if (i < 17)
            {
                sum += v * Weights[i];
            }
        }

        var expected = Alphabet[(31 - (sum % 31)) % 31];
        if (s[17] != expected)
        {
            error = $"统一社会信用代码“{s}”的校验位不正确，请核对后重新输入。";
            return false;
        }

        code = new CreditCode(s);
        error = null;
        return true;
    }
}
