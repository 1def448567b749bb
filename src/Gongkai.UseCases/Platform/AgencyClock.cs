using Gongkai.Data.Configuration;
using Microsoft.Extensions.Options;

namespace Gongkai.UseCases.Platform;

/// <summary>
/// "Today" for legal dates: the injected <see cref="TimeProvider"/> read in the agencies' time zone
/// (Asia/Shanghai by default). Instants stay UTC.
/// </summary>
public sealed class AgencyClock(TimeProvider time, IOptions<GongkaiOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeProvider Time => time;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);
}
