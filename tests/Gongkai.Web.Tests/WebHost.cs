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
public sealed partial class WebHost : IAsyncDisposable
{
    static WebHost()
    {
        // Dozens of hosts start and stop in one test process. By default each watches appsettings.json and wwwroot
        // with inotify, and Linux allows a user 128 inotify instances: past that, starting a host or serving a page
        // fails (a 500 from a file provider). The tests change no file under a running host, so nothing is watched.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

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
        config["Gongkai:Reminders:Enabled"] = "false";
        config["Gongkai:Abuse:PublicFormPerMinute"] = "10000";

        // The demo's past years (several seconds of steps) only where a test asks for them.
        config["Gongkai:Demo:History"] = "false";

        // Pages are rendered afresh on every request unless a test asks for the portal's output cache.
        config["Gongkai:Portal:CacheSeconds"] = "0";
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

    /// <summary>The demo agencies and accounts with empty application queues, for tests that count what they create.</summary>
    public static IReadOnlyDictionary<string, string?> DemoWithoutApplications { get; } = new Dictionary<string, string?> { ["Gongkai:Demo:Applications"] = "false" };

    /// <summary>One unit of work on the application's database, in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<Data.GongkaiDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<Data.GongkaiDbContext>());
    }

    /// <summary>One use case in a scope of its own, run as the operator 测试操作员 (as the command line runs it).</summary>
    public async Task<T> AsOperatorAsync<TUseCase, T>(Func<TUseCase, Task<T>> work)
        where TUseCase : notnull
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<UseCases.Accounts.StaffContext>().SetOperator("测试操作员");
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    /// <summary>A new client (own cookies) signed in as <paramref name="userName"/> through the real sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string? password = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Address };
        var response = await PostSignInAsync(client, userName, password ?? DemoPassword);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {userName} failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>Opens the sign-in page and posts its form as a person would (antiforgery token and form time stamp included).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string returnUrl = "/Admin")
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync("/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = Antiforgery(page),
            ["__formStarted"] = FormStarted(page),
        });
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
    }

    /// <summary>The antiforgery token of a page, for posting its form.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Antiforgery(await client.GetStringAsync(path));
    }

    public static string Antiforgery(string html) => AntiforgeryPattern().Match(html).Groups[1].Value;

    /// <summary>The signed time stamp of the human check (see HumanCheck).</summary>
    public static string FormStarted(string html) => FormStartedPattern().Match(html).Groups[1].Value;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryPattern();

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__formStarted\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex FormStartedPattern();
}
