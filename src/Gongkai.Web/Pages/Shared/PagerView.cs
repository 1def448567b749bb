namespace Gongkai.Web.Pages.Shared;

/// <summary>A public list's page links: previous, next, the first and last page and two either side of the current one.</summary>
public sealed record PagerView(int Number, int PageCount, Func<int, string> Link)
{
    /// <summary>The page numbers to show, with 0 for a gap (…).</summary>
    public IReadOnlyList<int> Numbers()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var n = Math.Max(1, Number - 2); n <= Math.Min(PageCount, Number + 2); n++)
        {
            shown.Add(n);
        }

        var list = new List<int>();
        var previous = 0;
        foreach (var n in shown)
        {
            if (n - previous > 1)
            {
                list.Add(0);
            }

            list.Add(n);
            previous = n;
        }

        return list;
    }
}
