using System.Text;

namespace Gongkai.Data.Search;

/// <summary>
/// A search box's text read for the index: split into words at spaces and punctuation, each word segmented with
/// <see cref="ChineseText"/> into a phrase of tokens (低保 → 低 保, 养老服务中心 → 养老 服务 中心). All words must occur;
/// each word's tokens must stand together in that order, as they did when the documents were segmented.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longest query read; the rest is ignored.</summary>
    public const int MaxLength = 100;

    /// <summary>Most words used; more make a query slower and rarely better.</summary>
    public const int MaxWords = 8;

    private SearchQuery(IReadOnlyList<string> words, IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        Words = words;
        Phrases = phrases;
    }

    /// <summary>The words as typed (for highlighting in the original text).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Each word's tokens.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; }

    public bool IsEmpty => Phrases.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        var words = new List<string>();
        var phrases = new List<IReadOnlyList<string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQuery(words, phrases);
        }

        var input = text.Normalize(NormalizationForm.FormKC);
        if (input.Length > MaxLength)
        {
            input = input[..MaxLength];
        }

        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length == 0 || words.Count >= MaxWords)
            {
                current.Clear();
                return;
            }

            var word = current.ToString();
            current.Clear();
            var tokens = ChineseText.Segment(word);
            if (tokens.Count > 0 && !words.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                words.Add(word);
                phrases.Add(tokens);
            }
        }

        foreach (var c in input)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return new SearchQuery(words, phrases);
    }

    /// <summary>The FTS5 expression: each phrase quoted, all required.</summary>
    public string ToFts5()
    {
        var sb = new StringBuilder();
        foreach (var phrase in Phrases)
        {
            if (sb.Length > 0)
            {
                sb.Append(" AND ");
            }

            sb.Append('"').Append(string.Join(' ', phrase).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return sb.ToString();
    }

    /// <summary>
    /// The tsquery literal: a one-token word is its token; a longer word is the AND of its adjacent pairs (养老服务中心 →
    /// '养老 服务' &amp; '服务 中心'), which the PostgreSQL index holds as lexemes of their own; words are joined by &amp;.
    /// </summary>
    public string ToTsQuery()
    {
        var terms = new List<string>();
        foreach (var phrase in Phrases)
        {
            if (phrase.Count == 1)
            {
                terms.Add(TsLexeme(phrase[0]));
                continue;
            }

            for (var i = 1; i < phrase.Count; i++)
            {
                terms.Add(TsLexeme(Pair(phrase[i - 1], phrase[i])));
            }
        }

        return string.Join(" & ", terms.Distinct(StringComparer.Ordinal));
    }

    /// <summary>
    /// The exact check of the words of three or more tokens, which <see cref="ToTsQuery"/> matches only pair by pair:
    /// each such word as a phrase (养老 &lt;-&gt; 服务 &lt;-&gt; 中心), joined by &amp;; null when every word is exact already.
    /// </summary>
    public string? ToTsPhraseCheck()
    {
        var phrases = Phrases.Where(p => p.Count >= 3).Select(p => "(" + string.Join(" <-> ", p.Select(TsLexeme)) + ")").ToList();
        return phrases.Count == 0 ? null : string.Join(" & ", phrases);
    }

    /// <summary>The lexeme of two adjacent tokens (tokens never hold a space).</summary>
    internal static string Pair(string first, string second) => first + " " + second;

    /// <summary>A lexeme quoted for tsvector/tsquery input.</summary>
    internal static string TsLexeme(string token) => "'" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
