using System.Globalization;

namespace Gongkai.Cli;

/// <summary>
/// The CLI speaks Chinese by default and English when GONGKAI_LANG (or LC_ALL, LC_MESSAGES, LANG) starts with "en".
/// </summary>
internal sealed class Text(bool english)
{
    public bool English { get; } = english;

    public CultureInfo Culture => English ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("zh-Hans");

    public static Text FromEnvironment(Func<string, string?> env)
    {
        foreach (var name in new[] { "GONGKAI_LANG", "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var value = env(name);
            if (!string.IsNullOrWhiteSpace(value) && !value.Equals("C", StringComparison.Ordinal) && !value.StartsWith("C.", StringComparison.Ordinal) && !value.Equals("POSIX", StringComparison.Ordinal))
            {
                return new Text(value.StartsWith("en", StringComparison.OrdinalIgnoreCase));
            }
        }

        return new Text(false);
    }

    public string this[string zh, string en] => English ? en : zh;
}
