using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// 适老化模式 in a real browser with JavaScript switched off: the header link turns it on, the computed styles of three
/// public pages have large text, line height and black-on-white contrast, it stays on from page to page and turns off.
/// </summary>
public sealed class CareModeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    // Measured by the test harness (Playwright evaluates in the page even when the page's own scripts are disabled).
    private const string Measure = """
        () => {
          const p = document.querySelector('main p');
          const s = getComputedStyle(p);
          const b = getComputedStyle(document.body);
          return JSON.stringify({ size: s.fontSize, line: s.lineHeight, color: s.color, background: b.backgroundColor,
            html: document.documentElement.className });
        }
        """;

    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [BrowserFact]
    public async Task Without_javascript_a_visitor_turns_care_mode_on_reads_large_high_contrast_pages_then_turns_it_off()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_host.Address, "/").ToString());
        var normal = await MeasureAsync(page);
        Assert.True(normal.Size < 20, $"normal text is {normal.Size}px");

        await page.GetByRole(AriaRole.Link, new() { Name = "适老化模式", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "退出适老化模式" })).ToBeVisibleAsync();
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        AssertCare(await MeasureAsync(page), "/");

        foreach (var (link, path) in new[] { ("工作日计算", "/Gongzuori"), ("年度报告", "/Baogao"), ("政府信息", "/Xinxi"), ("申请查询", "/Chaxun") })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
            AssertCare(await MeasureAsync(page), path);
        }

        Assert.Equal(0, await page.Locator("a[target=_blank]").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "退出适老化模式" }).ClickAsync();
        Assert.EndsWith("/Chaxun", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "适老化模式", Exact = true })).ToBeVisibleAsync();
        var off = await MeasureAsync(page);
        Assert.Equal("", off.Html);
        Assert.Equal(normal.Size, off.Size);
        await context.CloseAsync();
    }

    private static void AssertCare(Style style, string path)
    {
        Assert.True(style.Html == "care", $"{path}: <html class=\"{style.Html}\">");
        Assert.True(style.Size >= 20, $"{path}: text is {style.Size}px");
        Assert.True(style.Line / style.Size >= 1.3, $"{path}: line height {style.Line}px for {style.Size}px text");
        var contrast = Contrast(style.Color, style.Background);
        Assert.True(contrast >= 7, $"{path}: contrast {contrast:0.0} of {style.Color} on {style.Background}");
    }

    private static async Task<Style> MeasureAsync(IPage page)
    {
        using var json = JsonDocument.Parse(await page.EvaluateAsync<string>(Measure));
        var root = json.RootElement;
        var size = Pixels(root.GetProperty("size").GetString()!);
        var line = root.GetProperty("line").GetString()!;
        return new Style(
            size,
            line == "normal" ? size * 1.2 : Pixels(line),
            root.GetProperty("color").GetString()!,
            root.GetProperty("background").GetString()!,
            root.GetProperty("html").GetString()!);
    }

    private static double Pixels(string value) => double.Parse(value.Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>WCAG 2 contrast ratio of two computed <c>rgb(r, g, b)</c> colours.</summary>
    private static double Contrast(string foreground, string background)
    {
        var a = Luminance(foreground);
        var b = Luminance(background);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.TrimEntries)
            .Take(3)
            .Select(p => double.Parse(p, CultureInfo.InvariantCulture) / 255)
            .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4))
            .ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }

    private sealed record Style(double Size, double Line, string Color, string Background, string Html);
}
