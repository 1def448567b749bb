namespace Gongkai.Benchmarks;

/// <summary>The options of the non-BenchmarkDotNet commands: <c>--name value</c>, or <c>--flag</c> alone (value "true"); a repeated name joins its values with commas.</summary>
public static class CommandLine
{
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            options[name] = options.TryGetValue(name, out var earlier) ? $"{earlier},{value}" : value;
        }

        return options;
    }
}
