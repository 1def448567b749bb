namespace Gongkai.Core.Publishing;

/// <summary>
/// Aho–Corasick over folded text: finds every occurrence of every pattern in one pass, whatever the number of
/// patterns. Folding is one character to one character (full-width ASCII → ASCII, ASCII letters → lower case), and
/// characters the caller calls ignorable (spaces, line breaks, zero-width characters…) are skipped, so "国土 资源部"
/// split by a line break is still found; offsets always refer to the original text.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly List<Dictionary<char, int>> _next = [];
    private readonly List<int> _fail = [];
    private readonly List<int> _patternAt = [];   // pattern ending exactly at this node, or -1
    private readonly List<int> _outputLink = [];  // nearest proper suffix node that ends a pattern, or -1
    private readonly List<int> _depth = [];
    private readonly Func<char, bool> _ignorable;

    public PhraseMatcher(IReadOnlyList<string> patterns, Func<char, bool> ignorable)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _ignorable = ignorable;
        AddNode(0);
        for (var p = 0; p < patterns.Count; p++)
        {
            var node = 0;
            foreach (var raw in patterns[p])
            {
                if (ignorable(raw))
                {
                    continue;
                }

                var c = Fold(raw);
                if (!_next[node].TryGetValue(c, out var child))
                {
                    child = AddNode(_depth[node] + 1);
                    _next[node][c] = child;
                }

                node = child;
            }

            if (node != 0 && _patternAt[node] < 0)
            {
                _patternAt[node] = p;
            }
        }

        BuildLinks();
    }

    /// <summary>The key two patterns are compared by: folded, ignorable characters removed.</summary>
    public static string Key(string pattern, Func<char, bool> ignorable)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(ignorable);
        var chars = new char[pattern.Length];
        var n = 0;
        foreach (var c in pattern)
        {
            if (!ignorable(c))
            {
                chars[n++] = Fold(c);
            }
        }

        return new string(chars, 0, n);
    }

    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    /// <summary>Whitespace and zero-width characters: never part of a match, skipped inside one.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF';

    /// <summary>Every occurrence of every pattern, in order of where they end.</summary>
    public List<PhraseMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = new List<PhraseMatch>();
        // Original offsets of the last characters kept, as a ring as long as the deepest pattern.
        var maxDepth = _depth.Max();
        if (maxDepth == 0)
        {
            return matches;
        }

        var ring = new int[maxDepth];
        var kept = 0;
        var node = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var raw = text[i];
            if (_ignorable(raw))
            {
                continue;
            }

            ring[kept % maxDepth] = i;
            kept++;
            var c = Fold(raw);
            while (true)
            {
                if (_next[node].TryGetValue(c, out var child))
                {
                    node = child;
                    break;
                }

                if (node == 0)
                {
                    break;
                }

                node = _fail[node];
            }

            for (var n = _patternAt[node] >= 0 ? node : _outputLink[node]; n > 0; n = _outputLink[n])
            {
                var length = _depth[n];
                var start = ring[(kept - length) % maxDepth];
                matches.Add(new PhraseMatch(start, i + 1 - start, _patternAt[n]));
            }
        }

        return matches;
    }

    private int AddNode(int depth)
    {
        _next.Add([]);
        _fail.Add(0);
        _patternAt.Add(-1);
        _outputLink.Add(-1);
        _depth.Add(depth);
        return _next.Count - 1;
    }

    private void BuildLinks()
    {
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values)
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in _next[node])
            {
                var f = _fail[node];
                while (f != 0 && !_next[f].ContainsKey(c))
                {
                    f = _fail[f];
                }

                _fail[child] = _next[f].TryGetValue(c, out var target) && target != child ? target : 0;
                var link = _fail[child];
                _outputLink[child] = _patternAt[link] >= 0 ? link : _outputLink[link];
                queue.Enqueue(child);
            }
        }
    }
}

/// <summary>An occurrence of pattern <see cref="Pattern"/> (its index) at original offsets.</summary>
internal readonly record struct PhraseMatch(int Start, int Length, int Pattern)
{
    public int End => Start + Length;

    /// <summary>
    /// Leftmost-longest occurrences that do not overlap: the way a reader sees them, and what a fix can replace.
    /// </summary>
    public static List<PhraseMatch> LeftmostLongest(IEnumerable<PhraseMatch> matches)
    {
        var chosen = new List<PhraseMatch>();
        var end = -1;
        foreach (var m in matches.OrderBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            if (m.Start >= end)
            {
                chosen.Add(m);
                end = m.End;
            }
        }

        return chosen;
    }
}
