using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Gongkai.Core.Common;

namespace Gongkai.Core.PersonalData;

/// <summary>
/// 居民身份证号 (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2, 0–9 or X), with a valid birth
/// date in positions 7–14. Parsed here only; shown masked everywhere except to roles that need the full value.
/// </summary>
public readonly record struct ResidentIdNumber
{
    public const string InvalidCode = "personal.invalid_id_number";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value) => Value = value;

    public string Value { get; }

    public string Masked => Masking.IdNumber(Value);

    public override string ToString() => Masked;

    public static ResidentIdNumber Parse(string? text) =>
        TryParse(text, out var id, out var error) ? id : throw new DomainException(InvalidCode, error);

    public static bool TryParse(string? text, out ResidentIdNumber id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        var s = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (s.Length != 18)
        {
            error = $"居民身份证号应为 18 位（收到 {s.Length} 位）。";
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (s[i] is < '0' or > '9')
            {
                error = $"居民身份证号第 {i + 1} 位应为数字。";
                return false;
            }

            sum += (s[i] - '0') * Weights[i];
        }

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            error = "居民身份证号中的出生日期无效。";
            return false;
        }

        if (s[17] != CheckCharacters[sum % 11])
        {
            error = "居民身份证号的校验位不正确，请核对后重新输入。";
            return false;
        }

        id = new ResidentIdNumber(s);
        error = null;
        return true;
    }
}
