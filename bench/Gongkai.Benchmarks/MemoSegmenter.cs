using System.Collections.Concurrent;
using System.Text;
using Gongkai.Data.Search;

namespace Gongkai.Benchmarks;

/// <summary>
/// <see cref="ChineseText.Joined"/> for a generated corpus, with the segmentation of each run of Chinese characters
/// remembered, so that a million items built from a vocabulary are segmented in minutes on two busy cores.
/// <para>
/// SmartCn segments each sentence as a shortest path over a graph in which a punctuation mark and a run of digits are
/// single fixed nodes (digits are looked up by their class, not their value). Every path passes through such a node,
/// so the words between two of them depend only on those characters and the two nodes around them. The memo's key is
/// therefore the run with its neighbours (a digit run as "0"), and the run is segmented with them and their tokens
/// dropped. <see cref="Verify"/> compares the result with <see cref="ChineseText.Joined"/> on a sample before a build
/// relies on it.
/// </para>
/// </summary>
public static class MemoSegmenter
{
    private static readonly ConcurrentDictionary<string, string[]> Memo = new(StringComparer.Ordinal);

    public static int MemoSize => Memo.Count;

    public static string Joined(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Any(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') || char.IsWhiteSpace(c)))
        {
            return ChineseText.Joined(text);
        }

        var sb = new StringBuilder(text.Length * 2);
        var i = 0;
        var previous = string.Empty;
        while (i < text.Length)
        {
            var start = i;
            var kind = Kind(text[i]);
            if (kind == 'd')
            {
                while (i < text.Length && Kind(text[i]) == 'd')
                {
                    i++;
                }

                Append(sb, text[start..i]);
                previous = "0";
            }
            else if (kind == 'p')
            {
                i++;
                previous = text[start..i];
            }
            else
            {
                while (i < text.Length && Kind(text[i]) == 'c')
                {
                    i++;
                }

                var next = i >= text.Length ? string.Empty : Kind(text[i]) == 'd' ? "0" : text[i].ToString();
                var run = text[start..i];
                var tokens = Memo.GetOrAdd($"{previous}\u0001{run}\u0001{next}", _ => SegmentRun(previous, run, next));
                foreach (var t in tokens)
                {
                    Append(sb, t);
                }

                previous = string.Empty;
            }
        }

        return sb.ToString();
    }

    /// <summary>The number of items of <paramref name="items"/> whose memoised segmentation differs from <see cref="ChineseText.Joined"/>.</summary>
    public static int Verify(IEnumerable<string> texts) => texts.AsParallel().Count(t => Joined(t) != ChineseText.Joined(t));

    private static string[] SegmentRun(string previous, string run, string next)
    {
        var tokens = ChineseText.Segment(previous + run + next).ToList();
        if (previous == "0" && tokens.Count > 0 && tokens[0] == "0")
        {
            tokens.RemoveAt(0);
        }

        if (next == "0" && tokens.Count > 0 && tokens[^1] == "0")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return [.. tokens];
    }

    private static void Append(StringBuilder sb, string token)
    {
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(token);
    }

    /// <summary>'d' digit, 'p' punctuation or symbol (a fixed node), 'c' anything else (Chinese).</summary>
    private static char Kind(char c) => c switch
    {
        >= '0' and <= '9' => 'd',
        _ when char.IsPunctuation(c) || char.IsSymbol(c) => 'p',
        _ => 'c',
    };
}
