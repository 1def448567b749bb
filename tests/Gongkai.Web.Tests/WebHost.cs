using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Web.Tests;

/// <summary>
/// The real web application on Kestrel, bound to a free loopback port, over a fresh test database. Used by the
/// HTTP tests and by the browser tests alike.
/// </summary>
public sealed class WebHost : IAsyncDisposable
{
    private WebHost(WebApplication app, TestDatabase database, Uri address)
    {
        App = app;
        Database = database;
        Address = address;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };
    }

    public WebApplication App { get; }

    public TestDatabase Database { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static async Task<WebHost> StartAsync(bool demo, DatabaseProvider provider = DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var config = database.Configuration();

        // Tests sign in many times from one address and their clock stands still: relax the abuse limits unless a
        // test sets them (see AbuseProtectionTests).
        config["Gongkai:Abuse:MinimumFormSeconds"] = "0";
        config["Gongkai:Abuse:SignInPerMinute"] = "10000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        config["Gongkai:Demo:Enabled"] = demo ? "true" : "false";
        config["Logging:LogLevel:Default"] = "Warning";
        var app = GongkaiWebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], b =>
        {
            b.Configuration.AddInMemoryCollection(config);
            b.Services.AddSingleton<TimeProvider>(database.Clock);
            TestDatabase.FastPasswordHashing(b.Services);
        });
        await GongkaiWebApp.PrepareDatabaseAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebHost(app, database, new Uri(address));
    }

    public static string DemoPassword => DemoAccounts.Password;

    /// <summary>A new client (own cookies) signed in as <paramref name="userName"/> through the real sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string? password = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Address };
        var page = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password ?? DemoPassword,
            ["returnUrl"] = "/Admin",
            ["__RequestVerificationToken"] = token,
            ["__formStarted"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"__formStarted\" value=\"([^\"]+)\"").Groups[1].Value,
        });
        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {userName} failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>The antiforgery token of a page, for posting its form.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(path);
        return System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
