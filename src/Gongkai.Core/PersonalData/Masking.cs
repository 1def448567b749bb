namespace Gongkai.Core.PersonalData;

/// <summary>
/// How personal data appears in lists, exports and logs (个人信息保护法): enough to recognise, not enough to use.
/// A 居民身份证号 keeps its first 4 and last 4 characters (1502**********1234); a mobile number its first 3 and last
/// 4 (138****5678); anything else keeps at most a quarter of its characters at each end.
/// </summary>
public static class Masking
{
    public static string IdNumber(string? value) => Mask(value, 4, 4);

    public static string Phone(string? value) => Mask(value, 3, 4);

    public static string Mask(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var s = value.Trim();
        if (s.Length <= keepStart + keepEnd)
        {
            var keep = s.Length / 4;
            return string.Concat(s.AsSpan(0, keep), new string('*', s.Length - (2 * keep)), s.AsSpan(s.Length - keep));
        }

        return string.Concat(s.AsSpan(0, keepStart), new string('*', s.Length - keepStart - keepEnd), s.AsSpan(s.Length - keepEnd));
    }
}
