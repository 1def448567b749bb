namespace Gongkai.Core.Cases;

/// <summary>
/// 邮件号码 of China Post: an international-format S10 number (two letters, eight digits, a check digit, CN — e.g. 挂号信
/// XA123456785CN) whose check digit is verified, or a domestic EMS / 挂号 number of 11 to 13 digits.
/// </summary>
public static class PostalTrackingNumber
{
    private static readonly int[] Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    /// <summary>The number in its canonical form (upper case, no spaces), or null when it is not a postal number.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();
        if (s.Length is >= 11 and <= 13 && s.All(char.IsAsciiDigit))
        {
            return s;
        }

        if (s.Length == 13 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]) && s[2..11].All(char.IsAsciiDigit)
            && char.IsAsciiLetterUpper(s[11]) && char.IsAsciiLetterUpper(s[12]) && CheckDigit(s.AsSpan(2, 8)) == s[10] - '0')
        {
            return s;
        }

        return null;
    }

    /// <summary>The UPU S10 check digit of eight serial digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> serial)
    {
        if (serial.Length != 8)
        {
            throw new ArgumentException("An S10 serial has eight digits.", nameof(serial));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (serial[i] - '0') * Weights[i];
        }

        var check = 11 - (sum % 11);
        return check == 10 ? 0 : check == 11 ? 5 : check;
    }
}
