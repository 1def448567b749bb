using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Gongkai.Benchmarks;

/// <summary>
/// A small HTTP load generator for the page-throughput benchmark when <c>wrk</c> is not installed: N keep-alive
/// connections, each sending GET requests one after another for a fixed time; prints requests per second and latency
/// percentiles per URL. The URLs are measured one after another in the same run.
/// </summary>
public static class LoadGenerator
{
    public static async Task RunAsync(IReadOnlyList<string> urls, int connections, TimeSpan duration, TimeSpan warmUp)
    {
        Console.WriteLine($"// {connections} connections, {warmUp.TotalSeconds:F0} s warm-up and {duration.TotalSeconds:F0} s per URL; load average {SearchLatency.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| URL | requests/s | p50 | p90 | p99 | max | errors | bytes/response |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var url in urls)
        {
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = connections,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                AllowAutoRedirect = false,
            };
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
            await RunOnceAsync(client, url, connections, warmUp);
            var (count, errors, bytes, latencies, elapsed) = await RunOnceAsync(client, url, connections, duration);
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {url} | {count / elapsed.TotalSeconds:F0} | {P(latencies, 50):F1} ms | {P(latencies, 90):F1} ms | {P(latencies, 99):F1} ms | {latencies[^1]:F1} ms | {errors} | {(count == 0 ? 0 : bytes / count):N0} |"));
        }
    }

    private static async Task<(long Count, long Errors, long Bytes, List<double> Latencies, TimeSpan Elapsed)> RunOnceAsync(HttpClient client, string url, int connections, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            long errors = 0, bytes = 0;
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    bytes += body.Length;
                    if (!response.IsSuccessStatusCode)
                    {
                        errors++;
                    }
                }
                catch (HttpRequestException)
                {
                    errors++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return (latencies, errors, bytes);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = results.SelectMany(r => r.latencies).ToList();
        return (all.Count, results.Sum(r => r.errors), results.Sum(r => r.bytes), all, elapsed);
    }

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
}
