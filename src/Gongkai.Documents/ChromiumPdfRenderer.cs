using System.ComponentModel;
using System.Diagnostics;
using Gongkai.Core.Common;

namespace Gongkai.Documents;

/// <summary>Where the PDF printer is and how long it may take (Gongkai:Documents).</summary>
public sealed class PdfOptions
{
    /// <summary>The Chromium (or Chrome) executable; empty looks for chromium, chromium-browser, google-chrome on the PATH.</summary>
    public string Chromium { get; set; } = string.Empty;

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>How many PDFs are printed at once (each run starts a browser process).</summary>
    public int MaxConcurrent { get; set; } = 2;
}

/// <summary>Whether PDFs can be printed here, and if not, what to install.</summary>
public sealed record PdfAvailability(bool Available, string? Executable, string Message);

/// <summary>
/// Prints HTML to PDF with the machine's Chromium in headless mode (a separate process per document, no network,
/// a throwaway profile). Chromium embeds the fonts with their Unicode maps, so the text of the PDF can be copied and
/// searched. Needs the system packages <c>chromium</c> and a Chinese font (<c>fonts-wqy-zenhei</c> or
/// <c>fonts-noto-cjk</c>); without them <see cref="RenderAsync"/> throws a <see cref="DomainException"/> with
/// <see cref="UnavailableCode"/> saying so, and DOCX still works.
/// </summary>
public sealed class ChromiumPdfRenderer
{
    public const string UnavailableCode = "document.pdf_unavailable";
    public const string FailedCode = "document.pdf_failed";

    public const string InstallHint = "生成 PDF 需要在服务器上安装 Chromium 浏览器和中文字体（Debian/Ubuntu：apt-get install chromium fonts-wqy-zenhei），详见 README。Word（DOCX）版本不受影响。";

    /// <summary>Whether a domain error code says a PDF could not be printed here (the caller offers the DOCX instead).</summary>
    public static bool IsPdfFailure(string code) => code is UnavailableCode or FailedCode;

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    private readonly PdfOptions options;
    private readonly SemaphoreSlim gate;
    private readonly Lazy<PdfAvailability> availability;

    public ChromiumPdfRenderer(PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrent));
        availability = new Lazy<PdfAvailability>(Probe);
    }

    public PdfAvailability Availability => availability.Value;

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var status = Availability;
        if (!status.Available)
        {
            throw new DomainException(UnavailableCode, status.Message);
        }

        await gate.WaitAsync(ct);
        var dir = Directory.CreateTempSubdirectory("gongkai-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "letter.html");
            var output = Path.Combine(dir.FullName, "letter.pdf");
            await File.WriteAllTextAsync(input, html, ct);
            var start = new ProcessStartInfo(status.Executable!)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-dev-shm-usage", "--proxy-server=127.0.0.1:9", "--no-pdf-header-footer",
                "--user-data-dir=" + Path.Combine(dir.FullName, "profile"), "--print-to-pdf=" + output, new Uri(input).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new DomainException(FailedCode, "无法启动 PDF 生成程序。");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(5, options.TimeoutSeconds)));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new DomainException(FailedCode, $"生成 PDF 超时（{options.TimeoutSeconds} 秒），请稍后重试或下载 Word 版本。");
            }

            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                var detail = (await stderr).Split('\n').LastOrDefault(l => l.Length > 0 && !l.Contains("dbus", StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
                throw new DomainException(FailedCode, $"PDF 生成失败（退出码 {process.ExitCode}）。请下载 Word 版本。{detail}");
            }

            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            gate.Release();
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser helper may still hold a file for a moment; the temp directory is cleaned by the system.
            }
        }
    }

    private PdfAvailability Probe()
    {
        var executable = FindExecutable();
        if (executable is null)
        {
            return new PdfAvailability(false, null, "未找到 Chromium 浏览器。" + InstallHint);
        }

        if (!HasChineseFont())
        {
            return new PdfAvailability(false, executable, "未找到中文字体。" + InstallHint);
        }

        return new PdfAvailability(true, executable, $"PDF 由 {executable} 生成。");
    }

    private string? FindExecutable()
    {
        if (!string.IsNullOrWhiteSpace(options.Chromium))
        {
            return File.Exists(options.Chromium) ? Path.GetFullPath(options.Chromium) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Candidates.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Asks fontconfig for a font covering Chinese; without fontconfig, looks in the usual font folders.</summary>
    private static bool HasChineseFont()
    {
        try
        {
            var start = new ProcessStartInfo("fc-list", ":lang=zh family") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is not null)
            {
                var text = process.StandardOutput.ReadToEnd();
                process.WaitForExit(10_000);
                return text.Trim().Length > 0;
            }
        }
        catch (Win32Exception)
        {
            // fc-list is not installed: fall back to looking for the font files.
        }

        string[] folders = ["/usr/share/fonts", "/usr/local/share/fonts", Environment.GetFolderPath(Environment.SpecialFolder.Fonts)];
        return folders.Where(f => f.Length > 0 && Directory.Exists(f))
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Any(f => Path.GetFileName(f).Contains("wqy", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).Contains("CJK", StringComparison.OrdinalIgnoreCase) || f.EndsWith("simsun.ttc", StringComparison.OrdinalIgnoreCase));
    }
}
