using System.Text;
using Gongkai.Core.Reports.Import;

namespace Gongkai.Core.Reports.Similarity;

/// <summary>A passage of the text under review that also appears in the other text.</summary>
/// <param name="Start">Offset in the normalised text under review.</param>
/// <param name="Length">Length in the normalised text under review.</param>
/// <param name="Text">The passage as it reads (normalised: simplified characters).</param>
/// <param name="OtherStart">Offset in the other normalised text where the passage's first shingle occurs.</param>
public sealed record OverlapPassage(int Start, int Length, string Text, int OtherStart);

/// <summary>How much of a text is found in another one.</summary>
/// <param name="Ratio">Share (0 … 1) of the compared characters of the text under review that lie in a shared shingle.</param>
/// <param name="ComparedCharacters">Characters compared (ideographs, letters and number runs after normalisation).</param>
public sealed record SimilarityResult(double Ratio, int ComparedCharacters, IReadOnlyList<OverlapPassage> Passages)
{
    public int Percent => (int)Math.Round(Ratio * 100, MidpointRounding.AwayFromZero);
}

/// <summary>
/// 雷同 detection by shingled character n-grams (docs/adr/0100-report-similarity.md): both texts are normalised
/// (simplified characters, no punctuation or spaces, each run of digits read as one placeholder so that updated figures
/// and years do not hide copied sentences); a character of the text under review is "shared" when it lies inside an
/// n-character shingle that also occurs in the other text. The ratio is shared ÷ compared characters of the text under
/// review (containment, not symmetric: a short text copied into a long one is 100 % copied).
/// </summary>
public static class TextSimilarity
{
    public const int DefaultShingleLength = 8;

    public static SimilarityResult Compare(string underReview, string other, int shingleLength = DefaultShingleLength)
    {
        ArgumentNullException.ThrowIfNull(underReview);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleLength, 2);

        var a = Keyed.From(TextNormalizer.Normalize(underReview));
        var b = Keyed.From(TextNormalizer.Normalize(other));
        if (a.Key.Length < shingleLength || b.Key.Length < shingleLength)
        {
            return new SimilarityResult(0, a.Key.Length, []);
        }

        var shinglesOfB = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + shingleLength <= b.Key.Length; i++)
        {
            shinglesOfB.TryAdd(b.Key.Substring(i, shingleLength), i);
        }

        var covered = new bool[a.Key.Length];
        var firstMatchInB = new int[a.Key.Length];
        Array.Fill(firstMatchInB, -1);
        for (var i = 0; i + shingleLength <= a.Key.Length; i++)
        {
            if (shinglesOfB.TryGetValue(a.Key.Substring(i, shingleLength), out var at))
            {
                firstMatchInB[i] = at;
                for (var k = i; k < i + shingleLength; k++)
                {
                    covered[k] = true;
                }
            }
        }

        var passages = new List<OverlapPassage>();
        var shared = 0;
        for (var i = 0; i < covered.Length;)
        {
            if (!covered[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < covered.Length && covered[i])
            {
                i++;
            }

            shared += i - start;
            var from = a.Offsets[start];
            var to = a.Offsets[i - 1] + a.Widths[i - 1];
            passages.Add(new OverlapPassage(from, to - from, a.Text[from..to], b.Offsets[firstMatchInB[start]]));
        }

        return new SimilarityResult((double)shared / a.Key.Length, a.Key.Length, passages);
    }

    /// <summary>The comparison key of a text and, for each key character, where it came from.</summary>
    private sealed record Keyed(string Text, string Key, int[] Offsets, int[] Widths)
    {
        public static Keyed From(string text)
        {
            var key = new StringBuilder(text.Length);
            var offsets = new List<int>(text.Length);
            var widths = new List<int>(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsAsciiDigit(c))
                {
                    var start = i;
                    while (i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] is '.' or ',' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
                    {
                        i++;
                    }

                    key.Append('#');
                    offsets.Add(start);
                    widths.Add(i - start + 1);
                }
                else if (TextNormalizer.IsIdeograph(c) || char.IsAsciiLetter(c))
                {
                    key.Append(char.ToLowerInvariant(c));
                    offsets.Add(i);
                    widths.Add(1);
                }
            }

            return new Keyed(text, key.ToString(), [.. offsets], [.. widths]);
        }
    }
}

/// <summary>The similarity of one narrative section of a report to the same section of another report.</summary>
public sealed record SectionSimilarity(string Section, SimilarityResult Result);

public static class ReportSimilarity
{
    /// <summary>Compares each section present in both reports (一 … 六, in order).</summary>
    public static IReadOnlyList<SectionSimilarity> Compare(AnnualReport underReview, AnnualReport other, IEnumerable<string>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(underReview);
        ArgumentNullException.ThrowIfNull(other);
        var result = new List<SectionSimilarity>();
        foreach (var key in sections ?? AnnualReport.SectionKeys)
        {
            if (underReview.Sections.TryGetValue(key, out var a) && other.Sections.TryGetValue(key, out var b))
            {
                result.Add(new SectionSimilarity(key, TextSimilarity.Compare(a, b)));
            }
        }

        return result;
    }
}
