namespace Gongkai.Core.Publishing;

/// <summary>
/// One entry of a 不规范表述 list: <see cref="Wrong"/> is flagged and <see cref="Right"/> offered instead. An entry whose
/// Right equals its Wrong is an exception (例外): a correct phrase that contains a wrong one ("环境保护部门" contains
/// "环境保护部", "原国土资源部" names the old body on purpose), inside which nothing is flagged.
/// </summary>
public sealed record ExpressionRule(string Wrong, string Right, string? Note)
{
    public bool IsException => string.Equals(Wrong, Right, StringComparison.Ordinal);
}

/// <summary>Where a rule's wrong form occurs in a text.</summary>
public readonly record struct ExpressionMatch(int Start, int Length, ExpressionRule Rule);

/// <summary>
/// An agency's list of 不规范表述 (wrong form → right form), checked in one pass over a text. The list is validated
/// whole: no empty or duplicate wrong forms, and no right form that would itself be flagged (by its own rule or by
/// another), so 一键改正 never produces text that is flagged again. <see cref="Starter"/> is the list a new agency
/// begins with; import and export are UTF-8 CSV or TSV with the columns 错误写法, 正确写法, 说明.
/// </summary>
public sealed partial class NonStandardExpressions
{
    public const int MaxPhraseLength = 100;
    public const int MaxNoteLength = 200;
    private static readonly string[] Header = ["错误写法", "正确写法", "说明"];
    private readonly PhraseMatcher _matcher;

    public NonStandardExpressions(IEnumerable<ExpressionRule> rules)
        : this(Numbered(rules), "第 {0} 条")
    {
    }

    private NonStandardExpressions(List<(int Number, ExpressionRule Rule)> rules, string where)
    {
        var errors = new List<string>();
        var clean = new List<(int Number, ExpressionRule Rule)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, rule) in rules)
        {
            var at = string.Format(System.Globalization.CultureInfo.InvariantCulture, where, number) + "：";
            var wrong = (rule.Wrong ?? string.Empty).Trim();
            var right = (rule.Right ?? string.Empty).Trim();
            var note = string.IsNullOrWhiteSpace(rule.Note) ? null : rule.Note.Trim();
            var key = PhraseMatcher.Key(wrong, PhraseMatcher.IsSpace);
            if (key.Length == 0)
            {
                errors.Add(at + "错误写法为空。");
                continue;
            }

            if (wrong.StartsWith('#'))
            {
                errors.Add(at + $"错误写法“{wrong}”不能以 # 开头（# 开头的行是注释）。");
                continue;
            }

            if (right.Length == 0)
            {
                errors.Add(at + $"“{wrong}”的正确写法为空（如是不需提示的例外写法，正确写法请填与错误写法相同的文字）。");
                continue;
            }

            if (wrong.Length > MaxPhraseLength || right.Length > MaxPhraseLength)
            {
                errors.Add(at + $"错误写法和正确写法都不能超过 {MaxPhraseLength} 个字符。");
                continue;
            }

            if (note is { Length: > MaxNoteLength })
            {
                errors.Add(at + $"说明不能超过 {MaxNoteLength} 个字符。");
                continue;
            }

            if (!string.Equals(wrong, right, StringComparison.Ordinal) && string.Equals(key, PhraseMatcher.Key(right, PhraseMatcher.IsSpace), StringComparison.Ordinal))
            {
                errors.Add(at + $"“{wrong}”与正确写法“{right}”只差空格或全角半角，不必列出。");
                continue;
            }

            if (byKey.TryGetValue(key, out var first))
            {
                errors.Add(at + $"错误写法“{wrong}”与{string.Format(System.Globalization.CultureInfo.InvariantCulture, where, first)}重复。");
                continue;
            }

            byKey[key] = number;
            clean.Add((number, new ExpressionRule(wrong, right, note)));
        }

        Rules = clean.Select(x => x.Rule).ToList();
        _matcher = new PhraseMatcher(Rules.Select(r => r.Wrong).ToList(), PhraseMatcher.IsSpace);

        // A right form must not be flagged again, and an exception must actually protect something.
        foreach (var (number, rule) in clean)
        {
            var at = string.Format(System.Globalization.CultureInfo.InvariantCulture, where, number) + "：";
            if (rule.IsException)
            {
                var protects = _matcher.FindAll(rule.Wrong).Any(m => !Rules[m.Pattern].IsException);
                if (!protects)
                {
                    errors.Add(at + $"例外写法“{rule.Wrong}”中不含任何错误写法，不必列出。");
                }

                continue;
            }

            foreach (var match in Find(rule.Right))
            {
                errors.Add(ReferenceEquals(match.Rule, rule)
                    ? at + $"正确写法“{rule.Right}”中含有错误写法“{rule.Wrong}”本身，改正后仍会被提示。"
                    : at + $"正确写法“{rule.Right}”中含有{string.Format(System.Globalization.CultureInfo.InvariantCulture, where, clean.First(x => ReferenceEquals(x.Rule, match.Rule)).Number)}的错误写法“{match.Rule.Wrong}”，改正后会再次被提示。");
            }
        }

        if (errors.Count > 0)
        {
            throw new ListImportException(errors);
        }
    }

    public static NonStandardExpressions Empty { get; } = new([]);

    public IReadOnlyList<ExpressionRule> Rules { get; }

    /// <summary>
    /// Reads a list: UTF-8 text (a leading BOM is ignored), comma- or tab-separated, columns 错误写法, 正确写法 and an
    /// optional 说明; a first line of column names (错误写法… or Wrong…) is skipped, as are blank lines and lines
    /// starting with #. Any bad line throws <see cref="ListImportException"/> listing every problem by line number.
    /// </summary>
    public static NonStandardExpressions Import(string text)
    {
        var errors = new List<string>();
        var rows = DelimitedText.Read(text, errors);
        if (rows.Count > 0 && rows[0].Fields[0] is var h && (h.Equals("Wrong", StringComparison.OrdinalIgnoreCase) || h == Header[0]))
        {
            rows.RemoveAt(0);
        }

        var rules = new List<(int, ExpressionRule)>();
        foreach (var (line, fields) in rows)
        {
            if (fields.Count is < 2 or > 3)
            {
                errors.Add($"第 {line} 行：应为“错误写法,正确写法,说明”三列（说明可省略），实际为 {fields.Count} 列。");
                continue;
            }

            rules.Add((line, new ExpressionRule(fields[0], fields[1], fields.Count > 2 ? fields[2] : null)));
        }

        try
        {
            var list = new NonStandardExpressions(rules, "第 {0} 行");
            return errors.Count == 0 ? list : throw new ListImportException(errors);
        }
        catch (ListImportException ex) when (!ReferenceEquals(ex.Errors, errors))
        {
            throw new ListImportException(DelimitedText.ByLine([.. errors, .. ex.Errors]));
        }
    }

    /// <summary>Reads a list from a file's bytes, which must be UTF-8 (see <see cref="Import(string)"/>).</summary>
    public static NonStandardExpressions Import(byte[] utf8) => Import(DelimitedText.DecodeUtf8(utf8));

    /// <summary>The list as UTF-8 CSV (or TSV with <paramref name="separator"/> '\t'), with a line of column names.</summary>
    public string Export(char separator = ',')
    {
        if (separator is not (',' or '\t'))
        {
            throw new ArgumentOutOfRangeException(nameof(separator), "Comma or tab.");
        }

        return DelimitedText.Write(
            Rules.Select(r => (IReadOnlyList<string>)[r.Wrong, r.Right, r.Note ?? string.Empty]).Prepend(Header),
            separator);
    }

    /// <summary>Occurrences of wrong forms, leftmost-longest and not overlapping, none inside an exception.</summary>
    public IReadOnlyList<ExpressionMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = _matcher.FindAll(text);
        if (all.Count == 0)
        {
            return [];
        }

        var exceptions = all.Where(m => Rules[m.Pattern].IsException).ToList();
        var corrections = all.Where(m => !Rules[m.Pattern].IsException && !exceptions.Any(e => e.Start <= m.Start && m.End <= e.End));
        return PhraseMatch.LeftmostLongest(corrections).Select(m => new ExpressionMatch(m.Start, m.Length, Rules[m.Pattern])).ToList();
    }

    /// <summary>This list plus <paramref name="rules"/> (validated together), e.g. the starter list with an agency's own entries.</summary>
    public NonStandardExpressions With(IEnumerable<ExpressionRule> rules) => new(Rules.Concat(rules));

    private static List<(int, ExpressionRule)> Numbered(IEnumerable<ExpressionRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Select((r, i) => (i + 1, r ?? throw new ArgumentException("A rule is null.", nameof(rules)))).ToList();
    }
}
