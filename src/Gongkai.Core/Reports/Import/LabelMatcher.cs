namespace Gongkai.Core.Reports.Import;

/// <summary>A label a table row is recognised by: one or more signatures in <see cref="TextNormalizer.LabelKey"/> form.</summary>
/// <param name="Key">The row's key (table-三 row key or a table-二 item).</param>
/// <param name="Signatures">
/// The distinctive part of the printed label. Long signatures match with typos (a dropped or wrong character);
/// signatures of three characters or fewer must appear exactly.
/// </param>
public sealed record RowLabel(string Key, params string[] Signatures);

/// <summary>Matches label lines to the rows of a table, tolerating typos and keeping the rows' printed order.</summary>
public static class LabelMatcher
{
    public const double Threshold = 0.75;
    public const int ExactMatchMaxLength = 3;

    /// <summary>How well a line's label key contains the signature (0 … 1).</summary>
    public static double Score(string lineKey, string signature)
    {
        ArgumentNullException.ThrowIfNull(lineKey);
        ArgumentNullException.ThrowIfNull(signature);
        if (lineKey.Length == 0 || signature.Length == 0)
        {
            return 0;
        }

        if (lineKey.Contains(signature, StringComparison.Ordinal))
        {
            return 1;
        }

        // Short signatures, and long lines (prose), count only when they contain the signature exactly.
        if (signature.Length <= ExactMatchMaxLength || lineKey.Length > (signature.Length * 2) + 8)
        {
            return 0;
        }

        var common = LongestCommonSubsequence(lineKey, signature);
        var score = (double)common / signature.Length;

        // The first part of a long label wrapped over two or more lines (PDF and OCR output): the line ends with a good part
        // of the signature's beginning. It counts as a bare match; the in-order alignment decides.
        if (score < Threshold && signature.Length >= WrappedSignatureMinLength && IsWrappedStart(lineKey, signature))
        {
            return Threshold;
        }

        return score;
    }

    private static bool IsWrappedStart(string lineKey, string signature)
    {
        // At least 30 % of the signature: a long label in a narrow column may wrap over three lines.
        var minimum = (int)Math.Ceiling(Math.Max(6, signature.Length * 0.3));
        for (var length = Math.Min(lineKey.Length, signature.Length - 1); length >= minimum; length--)
        {
            var tail = lineKey[^length..];
            var head = signature[..Math.Min(signature.Length, length + 2)];
            if (LongestCommonSubsequence(tail, head) >= length * 0.85)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Signatures at least this long may be matched by the first line of a wrapped label (two lines or more).</summary>
    public const int WrappedSignatureMinLength = 10;

    public static double Score(string lineKey, RowLabel row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Signatures.Max(s => Score(lineKey, s));
    }

    /// <summary>
    /// Aligns lines to rows: each line to at most one row, each row to at most one line, both in order, maximising
    /// the total score of pairs scoring at least <see cref="Threshold"/>.
    /// </summary>
    /// <returns>For each row, the index into <paramref name="lineKeys"/> of its line and the score, or null.</returns>
    public static IReadOnlyList<(int Line, double Score)?> Align(IReadOnlyList<string> lineKeys, IReadOnlyList<RowLabel> rows)
    {
        ArgumentNullException.ThrowIfNull(lineKeys);
        ArgumentNullException.ThrowIfNull(rows);
        int m = lineKeys.Count, n = rows.Count;
        var score = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = Score(lineKeys[i], rows[j]);
                score[i, j] = s >= Threshold ? s : double.NegativeInfinity;
            }
        }

        // best[i, j] = best total using lines [i..) and rows [j..).
        var best = new double[m + 1, n + 1];
        for (var i = m - 1; i >= 0; i--)
        {
            for (var j = n - 1; j >= 0; j--)
            {
                var take = score[i, j] + best[i + 1, j + 1];
                best[i, j] = Math.Max(take, Math.Max(best[i + 1, j], best[i, j + 1]));
            }
        }

        var result = new (int, double)?[n];
        int li = 0, rj = 0;
        while (li < m && rj < n)
        {
            if (!double.IsNegativeInfinity(score[li, rj]) && Math.Abs(best[li, rj] - (score[li, rj] + best[li + 1, rj + 1])) < 1e-9)
            {
                result[rj] = (li, score[li, rj]);
                li++;
                rj++;
            }
            else if (Math.Abs(best[li, rj] - best[li + 1, rj]) < 1e-9)
            {
                li++;
            }
            else
            {
                rj++;
            }
        }

        return result;
    }

    internal static int LongestCommonSubsequence(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = ca == b[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
