namespace Gongkai.Core.Reports.Import;

/// <summary>
/// Splits digits printed without separators into cells. Token boundaries that were printed are kept; inside a
/// run, every split into the wanted number of cells without leading zeros is tried and only those the table's own
/// rules accept are returned. The caller takes a split only when exactly one survives.
/// </summary>
public static class DigitRunSplitter
{
    /// <summary>A rule over the cells filled so far: called after each cell with the count filled.</summary>
    public delegate bool PartialRule(long[] cells, int filled);

    public const int MaxDigitsPerCell = 12;

    /// <param name="runs">The digit strings as printed, in order (each is split into one or more cells).</param>
    /// <param name="cellCount">How many cells the row has.</param>
    /// <param name="rule">Checked after each cell; return false to reject.</param>
    /// <param name="maxCandidates">Stop after this many (the result is then ambiguous anyway).</param>
    public static IReadOnlyList<long[]> Split(IReadOnlyList<string> runs, int cellCount, PartialRule rule, int maxCandidates = 16)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(rule);
        var results = new List<long[]>();
        var totalDigits = runs.Sum(r => r.Length);
        if (runs.Count > cellCount || totalDigits < cellCount || runs.Any(r => r.Length == 0 || !r.All(char.IsAsciiDigit)))
        {
            return results;
        }

        var cells = new long[cellCount];
        var budget = 2_000_000;
        Walk(0, 0, 0);
        return results;

        void Walk(int run, int offset, int filled)
        {
            if (results.Count >= maxCandidates || --budget < 0)
            {
                return;
            }

            if (run == runs.Count)
            {
                if (filled == cellCount)
                {
                    results.Add((long[])cells.Clone());
                }

                return;
            }

            var text = runs[run];
            var remainingInRun = text.Length - offset;
            var remainingDigits = remainingInRun + runs.Skip(run + 1).Sum(r => r.Length);
            var remainingCells = cellCount - filled;
            var laterRuns = runs.Count - run - 1;
            if (remainingCells <= laterRuns || remainingDigits < remainingCells)
            {
                return;
            }

            for (var len = 1; len <= Math.Min(remainingInRun, MaxDigitsPerCell); len++)
            {
                if (len > 1 && text[offset] == '0')
                {
                    break;
                }

                cells[filled] = long.Parse(text.AsSpan(offset, len), System.Globalization.CultureInfo.InvariantCulture);
                if (!rule(cells, filled + 1))
                {
                    continue;
                }

                if (offset + len == text.Length)
                {
                    Walk(run + 1, 0, filled + 1);
                }
                else if (filled + 1 < cellCount)
                {
                    Walk(run, offset + len, filled + 1);
                }
            }
        }
    }

    /// <summary>Table 三: the last cell (总计) is the sum of the six before it (R1).</summary>
    public static bool Table3RowRule(long[] cells, int filled) =>
        filled < Table3Layout.ColumnCount || cells[Table3Layout.TotalColumn] == cells.Take(Table3Layout.TotalColumn).Sum();

    /// <summary>Table 四: in each block of five the fifth (总计) is the sum of the four before it (R4).</summary>
    public static bool Table4Rule(long[] cells, int filled) =>
        filled % Table4.BlockSize != 0 || cells[filled - 1] == cells.Skip(filled - Table4.BlockSize).Take(Table4.BlockSize - 1).Sum();

    /// <summary>No rule: only a split that is the sole possible one is returned alone.</summary>
    public static bool NoRule(long[] cells, int filled) => true;
}
