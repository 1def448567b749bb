using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gongkai.Core.Publishing;

namespace Gongkai.UseCases.Publishing;

/// <summary>How the links of a body are checked.</summary>
public sealed record LinkCheckerOptions
{
    /// <summary>For each request (a redirect is a new request).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Distinct URLs checked per run; the rest are counted in <see cref="LinkCheckReport.NotChecked"/>.</summary>
    public int MaxLinks { get; init; } = 100;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// Off in production: a link to a loopback, private, link-local or otherwise non-public address is reported as
    /// unreachable for the public and never requested, so the server cannot be made to probe its own network.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Host name → addresses; <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/> when null.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>>? ResolveHost { get; init; }
}

/// <summary>The outcome for one distinct URL: broken or not, the last HTTP status if any, and a Chinese reason.</summary>
public sealed record LinkCheckResult(Uri Url, bool IsBroken, int? StatusCode, string? Reason);

/// <summary>
/// The broken links of a body as findings (offsets of each occurrence), the result per distinct URL, and how many
/// distinct URLs were over the per-run cap and not checked.
/// </summary>
public sealed record LinkCheckReport(IReadOnlyList<ContentFinding> Findings, IReadOnlyList<LinkCheckResult> Results, int NotChecked);

/// <summary>
/// Checks the links of an item's body over HTTP (<see cref="LinkExtractor"/> finds them): HEAD first and GET when HEAD
/// gets an error status (many servers refuse HEAD), redirects followed by hand up to the limit so that every hop is
/// checked against the address rules, a timeout per request and a cap on concurrent requests. Broken means a 4xx or
/// 5xx status, no answer in time, a host that does not resolve, a refused or failed connection, too many redirects,
/// or an address the public cannot reach. Give it an <see cref="HttpClient"/> over <see cref="CreateHandler"/> so
/// redirects are not followed automatically and connections are checked again at connect time (DNS rebinding).
/// </summary>
public sealed class LinkChecker(HttpClient http, LinkCheckerOptions? options = null)
{
    private readonly LinkCheckerOptions _options = options ?? new LinkCheckerOptions();

    public async Task<LinkCheckReport> CheckAsync(string text, CheckSeverity severity, Uri? baseAddress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var links = LinkExtractor.Extract(text, baseAddress);
        var distinct = links.Select(l => l.Url).Distinct().ToList();
        var toCheck = distinct.Take(Math.Max(0, _options.MaxLinks)).ToList();

        var results = new ConcurrentDictionary<Uri, LinkCheckResult>();
        using var gate = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        await Task.WhenAll(toCheck.Select(async url =>
        {
            await gate.WaitAsync(ct);
            try
            {
                results[url] = await CheckUrlAsync(url, ct);
            }
            finally
            {
                gate.Release();
            }
        }));

        var findings = new List<ContentFinding>();
        foreach (var link in links)
        {
            if (results.TryGetValue(link.Url, out var result) && result.IsBroken)
            {
                findings.Add(new ContentFinding(
                    CheckKind.BrokenLink, severity, link.Start, link.Length, link.Text, null,
                    $"链接无法访问：{result.Reason}（{link.Url}）"));
            }
        }

        return new LinkCheckReport(findings, toCheck.Select(u => results[u]).ToList(), distinct.Count - toCheck.Count);
    }

    /// <summary>One URL: HEAD, then GET if HEAD got an error status.</summary>
    public async Task<LinkCheckResult> CheckUrlAsync(Uri url, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var head = await ProbeAsync(url, HttpMethod.Head, ct);
        return head is { IsBroken: true, StatusCode: not null } ? await ProbeAsync(url, HttpMethod.Get, ct) : head;
    }

    /// <summary>
    /// A handler for the checker's HttpClient: no automatic redirects, no proxy, no cookies, and a connect step that
    /// refuses non-public addresses unless <paramref name="allowPrivateAddresses"/>.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivateAddresses = false) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, token) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, token);
            var allowed = addresses.Where(a => allowPrivateAddresses || IsPublicAddress(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "The host has no public address.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>Whether the public internet can reach the address (not loopback, private, link-local, CGNAT, multicast, documentation…).</summary>
    public static bool IsPublicAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8));
        }

        return false;
    }

    private async Task<LinkCheckResult> ProbeAsync(Uri start, HttpMethod method, CancellationToken ct)
    {
        var url = start;
        int? status = null;
        for (var hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            {
                return Broken(start, status, "重定向到了不支持的地址（只检查 http 和 https 链接）");
            }

            var refusal = await CheckAddressAsync(url, ct);
            if (refusal is not null)
            {
                return Broken(start, status, refusal);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(method, url);
                request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Gongkai-LinkChecker/1.0)");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    continue;
                }

                return status is >= 400 or < 200
                    ? Broken(start, status, StatusReason(status.Value))
                    : new LinkCheckResult(start, false, status, null);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return Broken(start, status, $"{_options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} 秒内没有响应");
            }
            catch (HttpRequestException ex)
            {
                return Broken(start, status, ex.HttpRequestError switch
                {
                    HttpRequestError.NameResolutionError => "域名无法解析",
                    HttpRequestError.SecureConnectionError => "无法建立安全连接（HTTPS 证书或协议错误）",
                    HttpRequestError.ConnectionError => "无法连接到服务器",
                    _ => "访问失败",
                });
            }
        }

        return Broken(start, status, $"重定向超过 {_options.MaxRedirects} 次");
    }

    /// <summary>Null if the host may be requested, otherwise the reason it is refused.</summary>
    private async Task<string?> CheckAddressAsync(Uri url, CancellationToken ct)
    {
        if (_options.AllowPrivateAddresses)
        {
            return null;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await (_options.ResolveHost ?? Dns.GetHostAddressesAsync)(url.IdnHost, ct);
            }
            catch (SocketException)
            {
                return "域名无法解析";
            }
        }

        if (addresses.Length == 0)
        {
            return "域名无法解析";
        }

        return addresses.All(IsPublicAddress) ? null : "指向内网或本机地址，公众无法访问";
    }

    private static LinkCheckResult Broken(Uri url, int? status, string reason) => new(url, true, status, reason);

    private static string StatusReason(int status) => status switch
    {
        400 => "服务器返回 400（请求无效）",
        401 => "服务器返回 401（需要登录）",
        403 => "服务器返回 403（禁止访问）",
        404 => "服务器返回 404（页面不存在）",
        410 => "服务器返回 410（页面已删除）",
        500 => "服务器返回 500（服务器内部错误）",
        502 or 503 or 504 => $"服务器返回 {status}（服务器暂时不可用）",
        < 200 => $"服务器返回 {status}（不是有效的响应）",
        _ => $"服务器返回 {status}",
    };
}
