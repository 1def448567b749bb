using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Import;

public enum ValueTokenKind
{
    /// <summary>An integer or decimal as printed.</summary>
    Number = 0,

    /// <summary>An empty table cell (only positional in `|`-separated rows).</summary>
    Empty = 1,

    /// <summary>A placeholder printed in a cell: "—", "-", "/", "无".</summary>
    Marker = 2,
}

/// <summary>One value cell of a row: what was printed and, for numbers, the value.</summary>
public sealed record ValueToken(ValueTokenKind Kind, string Printed, decimal? Value)
{
    /// <summary>The digits of an unsigned integer token without separators, else null.</summary>
    public string? Digits => Kind == ValueTokenKind.Number && Value is { } v && v >= 0 && decimal.Truncate(v) == v && !Printed.Contains('.', StringComparison.Ordinal)
        ? Printed.Replace(",", string.Empty, StringComparison.Ordinal).TrimStart('+')
        : null;
}

/// <summary>
/// A line of the normalised text split into its label (the text cells) and its value cells. `|`-separated lines keep
/// empty cells as positions; other lines are split on whitespace, and digits glued to the end of a label are split
/// off (<c>规章000</c> → 规章 + 000).
/// </summary>
public sealed partial record ReportLine(int Index, string Text, string Label, string LabelKey, IReadOnlyList<ValueToken> Values, bool Piped)
{
    public bool HasLabel => LabelKey.Length > 0;

    public bool HasValues => Values.Any(v => v.Kind != ValueTokenKind.Empty);

    /// <summary>A page footer or page number printed inside a table (— 5 —, 第5页, 5/12), or a markdown rule (|---|---|).</summary>
    public bool IsPageFooter => PageFooter().IsMatch(Text) || MarkdownRule().IsMatch(Text);

    public static ReportLine Parse(int index, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var piped = text.Contains('|', StringComparison.Ordinal);
        var cells = piped ? text.Split('|') : text.Split('\t');
        var labels = new List<string>();
        var values = new List<ValueToken>();
        foreach (var raw in cells)
        {
            var cell = raw.Trim();
            if (cell.Length == 0)
            {
                // Empty cells keep their position, except those before the first printed cell (markdown's leading |).
                if (piped && (labels.Count > 0 || values.Count > 0))
                {
                    values.Add(new ValueToken(ValueTokenKind.Empty, string.Empty, null));
                }

                continue;
            }

            var pieces = cell.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var tail = new List<ValueToken>();
            var cut = pieces.Length;
            while (cut > 0 && TryParseValues(pieces[cut - 1], out var parsed))
            {
                tail.InsertRange(0, parsed);
                cut--;
            }

            if (cut > 0)
            {
                // Digits glued to the end of a label: 行政许可61950.
                var last = pieces[cut - 1];
                var glued = GluedDigits().Match(last);
                if (glued.Success && TryParseValues(glued.Groups["digits"].Value, out var gluedValues))
                {
                    pieces[cut - 1] = glued.Groups["label"].Value;
                    tail.InsertRange(0, gluedValues);
                }

                labels.Add(string.Join(' ', pieces.Take(cut)));
            }

            values.AddRange(tail);
        }

        var label = string.Join(' ', labels);
        return new ReportLine(index, text, label, TextNormalizer.LabelKey(label), values, piped);
    }

    /// <summary>The values without the empty cells that pad the end of a `|` row.</summary>
    public IReadOnlyList<ValueToken> ValuesWithoutTrailingEmpties()
    {
        var end = Values.Count;
        while (end > 0 && Values[end - 1].Kind == ValueTokenKind.Empty)
        {
            end--;
        }

        return Values.Take(end).ToList();
    }

    private static bool TryParseValues(string piece, out List<ValueToken> tokens)
    {
        tokens = [];
        if (MarkerToken().IsMatch(piece))
        {
            tokens.Add(new ValueToken(ValueTokenKind.Marker, piece, null));
            return true;
        }

        if (ThousandsNumber().IsMatch(piece) || PlainNumber().IsMatch(piece))
        {
            tokens.Add(new ValueToken(ValueTokenKind.Number, piece, decimal.Parse(piece.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
            return true;
        }

        // Cells written in one piece with commas or 、 between them: 107,2,0,0.
        if (ListOfNumbers().IsMatch(piece))
        {
            foreach (var part in piece.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.Add(new ValueToken(ValueTokenKind.Number, part, decimal.Parse(part, CultureInfo.InvariantCulture)));
            }

            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsNumber();

    [GeneratedRegex(@"^\d+([,，、]\d+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ListOfNumbers();

    [GeneratedRegex(@"^(—+|-+|–+|－+|/|无|／|\\)$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerToken();

    [GeneratedRegex(@"^(?<label>.*[\u3400-\u9FFF）)”】\]])(?<digits>\d[\d,.]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex GluedDigits();

    [GeneratedRegex(@"^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownRule();

    [GeneratedRegex(@"^\s*([-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|page\s*\d+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PageFooter();
}
