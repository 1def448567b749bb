using System.Text;
using Gongkai.TestSupport;

namespace Gongkai.Core.Tests.Reports;

/// <summary>
/// Turns a rendered report into a mirror-site copy like data/seeds/kundulun-2024-scraped.txt: traditional characters
/// (the inverse of OpenCC's traditional → simplified character table, where it is one to one), pinyin with tone marks
/// after some characters (發(fā), 區(qū)), and a lost character shown as "?" before each heading, on its line or on a line of its own.
/// </summary>
public static class MirrorCopy
{
    private static readonly Lazy<Dictionary<char, char>> ToTraditional = new(() =>
    {
        var map = new Dictionary<char, char>();
        foreach (var line in File.ReadLines(Fixtures.PathOf("opencc/TSCharacters.txt")))
        {
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length != 1 || parts[1].Length != 1 || parts[0] == parts[1])
            {
                continue; // one-to-many mappings are left simplified
            }

            map.TryAdd(parts[1][0], parts[0][0]);
        }

        return map;
    });

    private static readonly Dictionary<char, string> Pinyin = new()
    {
        ['發'] = "fā",
        ['區'] = "qū",
        ['續'] = "xù",
        ['統'] = "tǒng",
        ['請'] = "qǐng",
        ['處'] = "chǔ",
        ['開'] = "kāi",
    };

    private static readonly string[] Headings = ["一、總體", "二、主動", "三、收到", "四、政府", "五、存在", "六、其他"];

    public static string Apply(string simplified)
    {
        ArgumentNullException.ThrowIfNull(simplified);
        var sb = new StringBuilder(simplified.Length * 2);
        var annotated = 0;
        foreach (var c in simplified)
        {
            var t = ToTraditional.Value.TryGetValue(c, out var trad) ? trad : c;
            sb.Append(t);

            // Every other occurrence of an annotated character carries its pinyin, as the mirror sites print it.
            if (Pinyin.TryGetValue(t, out var pinyin) && annotated++ % 2 == 0)
            {
                sb.Append('(').Append(pinyin).Append(')');
            }
        }

        // A lost character before a heading: on the heading's line or on a line of its own, as in the seed.
        var lines = sb.ToString().Split('\n').ToList();
        var headings = 0;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (Headings.Any(h => lines[i].StartsWith(h, StringComparison.Ordinal)))
            {
                if (headings++ % 2 == 0)
                {
                    lines.Insert(i, "?");
                }
                else
                {
                    lines[i] = "?" + lines[i];
                }
            }
        }

        return string.Join('\n', lines);
    }
}
