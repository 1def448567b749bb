using System.Text;

namespace Gongkai.Core.Publishing;

/// <summary>
/// UTF-8 CSV (RFC 4180: fields with commas, quotes or line breaks in double quotes) or TSV, read and written for the
/// word lists. The separator is a tab if the first non-blank line has one, otherwise a comma.
/// </summary>
internal static class DelimitedText
{
    /// <summary>Rows with the line number each starts on; blank lines and lines starting with # are skipped.</summary>
    public static List<(int Line, List<string> Fields)> Read(string text, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var firstLine = text.Split('\n').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? string.Empty;
        var separator = firstLine.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var rows = new List<(int, List<string>)>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var startLine = line;
            var rowStart = i;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quotedField = false;
            var atFieldStart = true;
            var endOfRow = false;
            while (i < text.Length && !endOfRow)
            {
                var c = text[i];
                if (atFieldStart && c == '"' && separator == ',')
                {
                    quotedField = true;
                    atFieldStart = false;
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            closed = true;
                            i++;
                            break;
                        }

                        if (text[i] == '\n')
                        {
                            line++;
                        }

                        field.Append(text[i]);
                        i++;
                    }

                    if (!closed)
                    {
                        errors.Add($"第 {startLine} 行：引号没有闭合。");
                    }

                    continue;
                }

                i++;
                if (c == separator)
                {
                    fields.Add(quotedField ? field.ToString() : field.ToString().Trim());
                    field.Clear();
                    quotedField = false;
                    atFieldStart = true;
                }
                else if (c == '\n')
                {
                    line++;
                    endOfRow = true;
                }
                else if (c != '\r')
                {
                    if (quotedField && !char.IsWhiteSpace(c))
                    {
                        errors.Add($"第 {startLine} 行：引号外还有多余的文字。");
                        quotedField = false;
                    }

                    field.Append(c);
                    atFieldStart = atFieldStart && char.IsWhiteSpace(c);
                }
            }

            fields.Add(quotedField ? field.ToString() : field.ToString().Trim());
            if (fields.All(string.IsNullOrWhiteSpace) || text.AsSpan(rowStart, i - rowStart).TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add((startLine, fields.Select(f => f.Trim()).ToList()));
        }

        return rows;
    }

    /// <summary>
    /// UTF-8 bytes as text; anything else (a GBK file saved by Excel, typically) is refused with a Chinese reason
    /// rather than read as mojibake.
    /// </summary>
    public static string DecodeUtf8(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ListImportException(["文件不是 UTF-8 编码，请另存为 UTF-8 后再导入（在 Excel 中选择“CSV UTF-8（逗号分隔）”）。"]);
        }
    }

    /// <summary>Orders error sentences by the line number they start with (第 n 行), keeping the order within a line.</summary>
    public static List<string> ByLine(IEnumerable<string> errors) =>
        errors.Select((e, i) => (e, i)).OrderBy(x => LineOf(x.e)).ThenBy(x => x.i).Select(x => x.e).ToList();

    private static int LineOf(string error)
    {
        var digits = error.AsSpan().TrimStart("第 ");
        var n = 0;
        var k = 0;
        while (k < digits.Length && char.IsAsciiDigit(digits[k]))
        {
            n = (n * 10) + (digits[k++] - '0');
        }

        return k == 0 ? int.MaxValue : n;
    }

    public static string Write(IEnumerable<IReadOnlyList<string>> rows, char separator)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.AppendJoin(separator, row.Select(f => Quote(f, separator))).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Quote(string field, char separator)
    {
        if (separator == '\t')
        {
            // TSV has no quoting: tabs and line breaks inside a field become spaces.
            return field.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field.StartsWith('#') || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }
}
