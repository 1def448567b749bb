using System.Net;
using System.Net.Sockets;
using Gongkai.Core.Publishing;
using Gongkai.UseCases.Publishing;

namespace Gongkai.UseCases.Tests.Publishing;

public class LinkCheckerTests
{
    [Fact]
    public async Task A_working_link_gives_no_finding()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var report = await Checker(handler).CheckAsync("""<a href="https://www.example.gov.cn/a.html">通知</a>""", CheckSeverity.Warning);

        Assert.Empty(report.Findings);
        var result = Assert.Single(report.Results);
        Assert.Equal((false, 200), (result.IsBroken, result.StatusCode));
        Assert.Equal([HttpMethod.Head], handler.Requests.Select(r => r.Method).ToArray());
    }

    [Fact]
    public async Task A_broken_link_is_a_finding_at_its_offsets_with_a_chinese_reason()
    {
        const string text = "详见 https://www.example.gov.cn/gone.html 。";
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        var report = await Checker(handler).CheckAsync(text, CheckSeverity.Blocking);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(CheckKind.BrokenLink, finding.Kind);
        Assert.Equal(CheckSeverity.Blocking, finding.Severity);
        Assert.Equal("https://www.example.gov.cn/gone.html", text.Substring(finding.Start, finding.Length));
        Assert.Equal("链接无法访问：服务器返回 404（页面不存在）（https://www.example.gov.cn/gone.html）", finding.Message);
        // HEAD failed, so GET was tried before calling it broken.
        Assert.Equal([HttpMethod.Head, HttpMethod.Get], handler.Requests.Select(r => r.Method).ToArray());
    }

    [Fact]
    public async Task A_server_refusing_head_is_checked_with_get()
    {
        var handler = new FakeHandler(r => new HttpResponseMessage(r.Method == HttpMethod.Head ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.OK));
        var result = await Checker(handler).CheckUrlAsync(new Uri("https://www.example.gov.cn/"));
        Assert.Equal((false, 200), (result.IsBroken, result.StatusCode));
    }

    [Fact]
    public async Task Redirects_are_followed_up_to_five()
    {
        var handler = new FakeHandler(r =>
        {
            var n = int.Parse(r.RequestUri!.AbsolutePath.Trim('/'), System.Globalization.CultureInfo.InvariantCulture);
            if (n == 0)
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            var response = new HttpResponseMessage(HttpStatusCode.Redirect);
            response.Headers.Location = new Uri($"/{n - 1}", UriKind.Relative);
            return response;
        });
        var checker = Checker(handler);

        Assert.False((await checker.CheckUrlAsync(new Uri("https://www.example.gov.cn/5"))).IsBroken);
        var tooMany = await checker.CheckUrlAsync(new Uri("https://www.example.gov.cn/6"));
        Assert.True(tooMany.IsBroken);
        Assert.Equal("重定向超过 5 次", tooMany.Reason);
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_or_another_scheme_is_broken_and_not_followed()
    {
        var handler = new FakeHandler(r =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.MovedPermanently);
            response.Headers.Location = new Uri(r.RequestUri!.AbsolutePath == "/ftp" ? "ftp://files.example.cn/a" : "http://127.0.0.1:8080/admin");
            return response;
        });
        var checker = Checker(handler);

        var toLoopback = await checker.CheckUrlAsync(new Uri("https://www.example.gov.cn/x"));
        Assert.Equal("指向内网或本机地址，公众无法访问", toLoopback.Reason);
        Assert.DoesNotContain(handler.Requests, r => r.RequestUri!.Host == "127.0.0.1");

        var toFtp = await checker.CheckUrlAsync(new Uri("https://www.example.gov.cn/ftp"));
        Assert.StartsWith("重定向到了不支持的地址", toFtp.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://10.1.2.3/")]
    [InlineData("http://192.168.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://intranet.example.gov.cn/")]
    public async Task Private_and_loopback_addresses_are_never_requested(string url)
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var result = await Checker(handler).CheckUrlAsync(new Uri(url));

        Assert.True(result.IsBroken);
        Assert.Equal("指向内网或本机地址，公众无法访问", result.Reason);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Private_addresses_are_requested_when_allowed_for_tests()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var checker = new LinkChecker(new HttpClient(handler), new LinkCheckerOptions { AllowPrivateAddresses = true });
        Assert.False((await checker.CheckUrlAsync(new Uri("http://127.0.0.1:5000/"))).IsBroken);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_broken()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var result = await Checker(handler).CheckUrlAsync(new Uri("https://no-such-host.example.cn/"));
        Assert.Equal((true, "域名无法解析"), (result.IsBroken, result.Reason));
        Assert.Empty(handler.Requests);

        var failing = new FakeHandler(_ => throw new HttpRequestException(HttpRequestError.NameResolutionError));
        Assert.Equal("域名无法解析", (await Checker(failing).CheckUrlAsync(new Uri("https://www.example.gov.cn/"))).Reason);
        var refused = new FakeHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError));
        Assert.Equal("无法连接到服务器", (await Checker(refused).CheckUrlAsync(new Uri("https://www.example.gov.cn/"))).Reason);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_broken()
    {
        var handler = new FakeHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var checker = new LinkChecker(new HttpClient(handler), Options() with { Timeout = TimeSpan.FromMilliseconds(100) });

        var result = await checker.CheckUrlAsync(new Uri("https://slow.example.gov.cn/"));

        Assert.Equal((true, "0.1 秒内没有响应"), (result.IsBroken, result.Reason));
    }

    [Fact]
    public async Task A_cancelled_run_is_cancelled_not_reported_as_timeouts()
    {
        var handler = new FakeHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Checker(handler).CheckAsync("https://slow.example.gov.cn/", CheckSeverity.Warning, ct: cts.Token));
    }

    [Fact]
    public async Task Each_url_is_checked_once_every_occurrence_is_reported_and_the_cap_is_kept()
    {
        const string text = "https://a.example.cn/ 和 https://a.example.cn/ 以及 https://b.example.cn/ https://c.example.cn/";
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var checker = new LinkChecker(new HttpClient(handler), Options() with { MaxLinks = 2 });

        var report = await checker.CheckAsync(text, CheckSeverity.Warning);

        Assert.Equal(3, report.Findings.Count); // a twice, b once; c over the cap
        Assert.Equal(1, report.NotChecked);
        Assert.Equal(2, report.Results.Count);
        Assert.Equal(4, handler.Requests.Count); // HEAD and GET for a and b
        Assert.All(report.Findings, f => Assert.Contains("500（服务器内部错误）", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_more_requests_than_the_concurrency_limit_run_at_once()
    {
        var running = 0;
        var most = 0;
        var handler = new FakeHandler(async (_, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(30, token);
            Interlocked.Decrement(ref running);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var checker = new LinkChecker(new HttpClient(handler), Options() with { MaxConcurrency = 2 });
        var text = string.Join(' ', Enumerable.Range(0, 8).Select(i => $"https://site{i}.example.cn/"));

        var report = await checker.CheckAsync(text, CheckSeverity.Warning);

        Assert.Equal(8, report.Results.Count);
        Assert.InRange(most, 1, 2);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("114.114.114.114", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:192.168.1.1", false)]
    public void Public_addresses_are_told_from_private_ones(string address, bool isPublic)
    {
        Assert.Equal(isPublic, LinkChecker.IsPublicAddress(IPAddress.Parse(address)));
    }

    [Fact]
    public void The_production_handler_does_not_follow_redirects_by_itself()
    {
        using var handler = LinkChecker.CreateHandler();
        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.NotNull(handler.ConnectCallback);
    }

    private static LinkCheckerOptions Options() => new()
    {
        ResolveHost = (host, _) => host switch
        {
            "intranet.example.gov.cn" => Task.FromResult(new[] { IPAddress.Parse("192.168.10.5") }),
            "no-such-host.example.cn" => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)),
            _ => Task.FromResult(new[] { IPAddress.Parse("114.114.114.114") }),
        },
    };

    private static LinkChecker Checker(FakeHandler handler) => new(new HttpClient(handler), Options());

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class FakeHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

        public FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
            : this((r, _) => Task.FromResult(respond(r)))
        {
        }

        public FakeHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

        public System.Collections.Concurrent.ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return _respond(request, cancellationToken);
        }
    }
}
