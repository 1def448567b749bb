using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser): the path comes from GONGKAI_TEST_CHROMIUM,
/// which scripts/test.sh sets to /usr/bin/chromium when it is installed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "GONGKAI_TEST_CHROMIUM";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string? ChromiumPath => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } p ? p : null;

    public async Task InitializeAsync()
    {
        if (ChromiumPath is null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
    }

    /// <summary>A fresh context (own cookies) in Chinese, with a page open.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }
}

/// <summary>A fact that needs the browser; skipped with the reason when no Chromium is configured (CI fails on skips).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.ChromiumPath is null)
        {
            Skip = $"Chromium not available: set {BrowserFixture.ChromiumVariable} (scripts/test.sh uses /usr/bin/chromium)";
        }
    }
}

/// <summary>A theory that needs the browser; skipped with the reason when no Chromium is configured (CI fails on skips).</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserFixture.ChromiumPath is null)
        {
            Skip = $"Chromium not available: set {BrowserFixture.ChromiumVariable} (scripts/test.sh uses /usr/bin/chromium)";
        }
    }
}
