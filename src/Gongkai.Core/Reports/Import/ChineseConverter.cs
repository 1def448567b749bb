using System.Collections.Frozen;
using System.Text;

namespace Gongkai.Core.Reports.Import;

/// <summary>
/// Traditional → simplified conversion with OpenCC's t2s tables (TSPhrases then TSCharacters, embedded from
/// data/opencc, Apache-2.0): at each position the longest phrase wins, else the character's first mapping.
/// Characters that are already simplified pass through unchanged.
/// </summary>
public static class ChineseConverter
{
    private static readonly Lazy<Tables> Loaded = new(Load);

    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Loaded.Value;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var matched = false;
            for (var len = Math.Min(t.MaxPhraseLength, text.Length - i); len >= 2; len--)
            {
                if (t.Phrases.TryGetValue(text.Substring(i, len), out var phrase))
                {
                    sb.Append(phrase);
                    i += len;
                    matched = true;
                    break;
                }
            }

            if (matched)
            {
                continue;
            }

            // Characters outside the BMP are surrogate pairs; the tables key them as two-char strings.
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var ch = text.Substring(i, width);
            sb.Append(t.Characters.TryGetValue(ch, out var simplified) ? simplified : ch);
            i += width;
        }

        return sb.ToString();
    }

    private static Tables Load()
    {
        var characters = ReadTable("TSCharacters.txt");
        var phrases = ReadTable("TSPhrases.txt");
        return new Tables(
            characters.ToFrozenDictionary(StringComparer.Ordinal),
            phrases.ToFrozenDictionary(StringComparer.Ordinal),
            phrases.Keys.Max(k => k.Length));
    }

    private static Dictionary<string, string> ReadTable(string name)
    {
        var resource = "Gongkai.Core.Reports.Import.OpenCC." + name;
        using var stream = typeof(ChineseConverter).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var targets = line[(tab + 1)..];
            var space = targets.IndexOf(' ', StringComparison.Ordinal);
            map[line[..tab]] = space < 0 ? targets : targets[..space];
        }

        return map;
    }

    private sealed record Tables(FrozenDictionary<string, string> Characters, FrozenDictionary<string, string> Phrases, int MaxPhraseLength);
}
