using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// axe-core run on the page as it is now, with the rules of WCAG 2.1 level A and AA. A failure lists each violation:
/// rule, impact, the elements (selector and markup) and what to fix.
/// </summary>
/// <remarks>
/// The axe-core script is the one shipped inside the Deque.AxeCore packages (an embedded resource of
/// Deque.AxeCore.Commons): nothing is downloaded. It is evaluated in the page and <c>axe.run</c> is called there
/// directly. The package's own <c>RunAxe</c> runs frame by frame and finishes each run in a new page, which costs some
/// two seconds a check; the portal has no frames, so one <c>axe.run</c> on the document checks the same.
/// </remarks>
public static class Axe
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private const string ScriptResource = "Deque.AxeCore.Commons.Resources.axe.min.js";

    private const string Run = """
        async tags => JSON.stringify((await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
          .violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary || '' })) })))
        """;

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"{ScriptResource} is not in Deque.AxeCore.Commons");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The violations on the page now, one readable block each; empty when there are none.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync("() => {\n" + Script.Value + "\n}");
        }

        using var json = JsonDocument.Parse(await page.EvaluateAsync<string>(Run, WcagTags));
        return [.. json.RootElement.EnumerateArray().Select(Describe)];
    }

    /// <summary>Fails with every violation when the page has any.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var violations = await ViolationsAsync(page);
        if (violations.Count > 0)
        {
            Assert.Fail($"{what ?? page.Url}: {violations.Count} axe violation(s) of WCAG 2.1 AA\n{string.Join("\n", violations)}");
        }
    }

    private static string Describe(JsonElement violation)
    {
        string Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : string.Empty;
        var text = new StringBuilder();
        text.Append("- ").Append(Text(violation, "id")).Append(" (").Append(Text(violation, "impact")).Append("): ")
            .Append(Text(violation, "help")).Append(' ').Append(Text(violation, "helpUrl")).Append('\n');
        foreach (var node in violation.GetProperty("nodes").EnumerateArray())
        {
            var html = Text(node, "html");
            text.Append("    ").Append(Text(node, "target")).Append("  ").Append(html.Length <= 160 ? html : html[..160] + "…").Append('\n');
            foreach (var line in Text(node, "summary").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                text.Append("      ").Append(line).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }
}
