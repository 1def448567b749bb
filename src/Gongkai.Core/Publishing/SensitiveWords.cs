using System.Text;

namespace Gongkai.Core.Publishing;

/// <summary>Where a word of the list occurs in a text (offsets of the text as written, separators included).</summary>
public readonly record struct SensitiveWordMatch(int Start, int Length, string Word);

/// <summary>
/// An agency's own list of sensitive words (there is no built-in list). Matching is one pass over the text whatever
/// the size of the list (Aho–Corasick), ignores the case and width of Latin letters and digits, and skips spaces,
/// zero-width characters and the separators people put inside a word to slip it past a filter (*, ·, _, -, ~, |, /),
/// so "敏 感*词" matches "敏感词". A word made of Latin letters only matches as a whole word ("ass" not in "class").
/// </summary>
public sealed class SensitiveWords
{
    public const int MaxWordLength = 50;
    private readonly PhraseMatcher _matcher;
    private readonly bool[] _latin;

    public SensitiveWords(IEnumerable<string> words)
        : this(Numbered(words), "第 {0} 个")
    {
    }

    private SensitiveWords(List<(int Number, string Word)> words, string where)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var clean = new List<string>();
        foreach (var (number, raw) in words)
        {
            var at = string.Format(System.Globalization.CultureInfo.InvariantCulture, where, number) + "：";
            var word = raw.Trim();
            var key = PhraseMatcher.Key(word, IsIgnorable);
            if (key.Length == 0)
            {
                errors.Add(at + (word.Length == 0 ? "敏感词为空。" : $"“{word}”只有空格或分隔符号。"));
                continue;
            }

            if (word.Length > MaxWordLength)
            {
                errors.Add(at + $"敏感词不能超过 {MaxWordLength} 个字符。");
                continue;
            }

            if (word.IndexOfAny([',', '，', '、', '\t', ';', '；']) >= 0)
            {
                errors.Add(at + $"“{word}”含有逗号、顿号或分号，每行只能写一个敏感词。");
                continue;
            }

            if (seen.Add(key))
            {
                clean.Add(word);
            }
        }

        if (errors.Count > 0)
        {
            throw new ListImportException(errors);
        }

        Words = clean;
        _matcher = new PhraseMatcher(clean, IsIgnorable);
        _latin = clean.Select(w => PhraseMatcher.Key(w, IsIgnorable).All(char.IsAsciiLetterLower)).ToArray();
    }

    public static SensitiveWords Empty { get; } = new([]);

    /// <summary>The words, trimmed, duplicates (same letters ignoring case, width and separators) kept once.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>
    /// One word per line, UTF-8 (a leading BOM is ignored); blank lines and lines starting with # are skipped, a
    /// repeated word is kept once. Bad lines throw <see cref="ListImportException"/> listing every problem.
    /// </summary>
    public static SensitiveWords Import(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var words = new List<(int, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add((i + 1, line));
            }
        }

        return new SensitiveWords(words, "第 {0} 行");
    }

    /// <summary>Reads a list from a file's bytes, which must be UTF-8 (see <see cref="Import(string)"/>).</summary>
    public static SensitiveWords Import(byte[] utf8) => Import(DelimitedText.DecodeUtf8(utf8));

    /// <summary>One word per line, UTF-8 text.</summary>
    public string Export()
    {
        var sb = new StringBuilder();
        foreach (var word in Words)
        {
            sb.Append(word).Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>Occurrences of the words, leftmost-longest and not overlapping.</summary>
    public IReadOnlyList<SensitiveWordMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Words.Count == 0)
        {
            return [];
        }

        var matches = _matcher.FindAll(text).Where(m => !_latin[m.Pattern] || IsWholeWord(text, m));
        return PhraseMatch.LeftmostLongest(matches).Select(m => new SensitiveWordMatch(m.Start, m.Length, Words[m.Pattern])).ToList();
    }

    public static bool IsIgnorable(char c) => PhraseMatcher.IsSpace(c) || c is '*' or '＊' or '·' or '•' or '_' or '-' or '－' or '~' or '～' or '|' or '/';

    private static bool IsWholeWord(string text, PhraseMatch m) =>
        (m.Start == 0 || !char.IsAsciiLetter(text[m.Start - 1])) && (m.End == text.Length || !char.IsAsciiLetter(text[m.End]));

    private static List<(int, string)> Numbered(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Select((w, i) => (i + 1, w ?? string.Empty)).ToList();
    }
}
