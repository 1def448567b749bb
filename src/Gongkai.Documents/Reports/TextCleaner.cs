using System.Text;

namespace Gongkai.Documents.Reports;

/// <summary>
/// Drops the characters XML (and so Word, Excel and HTML) cannot carry: C0 controls other than tab, newline and
/// carriage return, DEL and the C1 controls, lone surrogates, U+FFFE/U+FFFF. Text typed or imported from elsewhere
/// may hold them; the documents must still open.
/// </summary>
internal static class TextCleaner
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                keep = false;
            }
            else if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007F' and <= '\u009F')
            {
                keep = false;
            }

            if (!keep && sb is null)
            {
                sb = new StringBuilder(text.Length).Append(text, 0, i);
            }

            if (keep)
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }
}
