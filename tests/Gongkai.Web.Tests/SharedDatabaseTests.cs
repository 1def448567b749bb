using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gongkai.Web.Tests;

/// <summary>
/// The README's promise, with real processes and no flags: the web app started for the demo and the `gongkai`
/// command open the same database, found in the per-user data folder.
/// </summary>
public sealed class SharedDatabaseTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("gongkai-home-").FullName;

    [Fact]
    public async Task The_demo_started_by_the_web_app_is_visible_to_the_cli_without_any_flag()
    {
        var port = FreePort();
        using var web = Start("Gongkai.Web", "Gongkai.Web.dll", $"--urls http://127.0.0.1:{port}", demo: true);
        var started = await WaitForLineAsync(web, "门户网站：", TimeSpan.FromSeconds(60));
        Assert.Contains($"http://127.0.0.1:{port}", started, StringComparison.Ordinal);

        using (var http = new HttpClient())
        {
            var home = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));
            Assert.Contains("演示数据", home, StringComparison.Ordinal);
        }

        var status = await RunCliAsync("db status");
        Assert.Contains(Path.Combine(_home, ".local", "share", "gongkai", "gongkai.db"), status, StringComparison.Ordinal);
        Assert.Contains("待应用 0 个", status, StringComparison.Ordinal);

        var demo = await RunCliAsync("demo load");
        Assert.Contains("已有演示数据", demo, StringComparison.Ordinal);

        web.Kill(entireProcessTree: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private Process Start(string project, string dll, string args, bool demo)
    {
        var psi = new ProcessStartInfo("dotnet", $"\"{Path.Combine(BuildOutput(project), dll)}\" {args}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _home,
        };
        foreach (var name in new[] { "GONGKAI_DATA_DIR", "XDG_DATA_HOME", "ConnectionStrings__Gongkai", "Gongkai__Database__Provider", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            psi.Environment.Remove(name);
        }

        psi.Environment["HOME"] = _home;
        psi.Environment["LANG"] = "zh_CN.UTF-8";
        if (demo)
        {
            psi.Environment["Gongkai__Demo__Enabled"] = "true";

            // Without the demo's past years: several seconds of steps, tested in the use-case tests.
            psi.Environment["Gongkai__Demo__History"] = "false";
        }

        return Process.Start(psi)!;
    }

    private async Task<string> RunCliAsync(string args)
    {
        using var p = Start("Gongkai.Cli", "gongkai.dll", args, demo: false);
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"gongkai {args} exited {p.ExitCode}: {error}");
        return output;
    }

    private static async Task<string> WaitForLineAsync(Process p, string marker, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = new System.Text.StringBuilder();
        while (await p.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The web app ended before printing “{marker}”: {seen}{await p.StandardError.ReadToEndAsync()}");
    }

    /// <summary>The build output of a project of src/, in the same configuration as this test assembly.</summary>
    private static string BuildOutput(string project)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = dir.Name;
        var configuration = dir.Parent!.Name;
        var root = dir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gongkai.slnx")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, "src", project, "bin", configuration, tfm);
    }
}
