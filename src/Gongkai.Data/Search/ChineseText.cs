using System.Text;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Gongkai.Data.Search;

/// <summary>
/// Chinese word segmentation for the full-text index (ADR 0014): Lucene.Net's SmartCn (a hidden-Markov-model
/// segmenter with its dictionaries embedded), used identically to build the indexed text and to read a query, so a
/// query word becomes the same token sequence it became in the documents. Latin words are lower-cased; punctuation is
/// dropped. Thread-safe: the analyzer keeps its per-thread state itself.
/// </summary>
public static class ChineseText
{
    private static readonly SmartChineseAnalyzer Analyzer = new(LuceneVersion.LUCENE_48);

    /// <summary>The tokens of <paramref name="text"/> in order.</summary>
    public static IReadOnlyList<string> Segment(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        using var stream = Analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var token = term.ToString();
            if (token.Length > 0)
            {
                tokens.Add(token);
            }
        }

        stream.End();
        return tokens;
    }

    /// <summary>The tokens joined by single spaces: the text the FTS5 table indexes.</summary>
    public static string Joined(string? text)
    {
        var tokens = Segment(text);
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(t);
        }

        return sb.ToString();
    }
}
