using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Common;

namespace Gongkai.Core.Calendar;

/// <summary>
/// Reads a year of the official calendar in the holiday-cn JSON schema:
/// <c>{"year": 2024, "papers": ["…"], "days": [{"name": "春节", "date": "2024-02-10", "isOffDay": true}]}</c>.
/// Every problem is reported as a <see cref="DomainException"/> with a Chinese message naming the place.
/// </summary>
public static class HolidayNoticeJson
{
    public const string ErrorCode = "calendar.invalid_file";

    public static CalendarYear Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw Invalid($"不是有效的 JSON 文件（第 {ex.LineNumber + 1} 行附近）：{ex.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("文件顶层应为对象，包含 year、papers、days 三项。");
            }

            if (!root.TryGetProperty("year", out var yearEl) || yearEl.ValueKind != JsonValueKind.Number || !yearEl.TryGetInt32(out var year))
            {
                throw Invalid("缺少年份 year，或 year 不是整数。");
            }

            if (year is < 1990 or > 2199)
            {
                throw Invalid($"年份 {year} 超出支持范围（1990–2199）。");
            }

            var papers = ImmutableArray.CreateBuilder<string>();
            if (!root.TryGetProperty("papers", out var papersEl) || papersEl.ValueKind != JsonValueKind.Array)
            {
                throw Invalid("缺少 papers（国务院通知网址列表），应为数组。");
            }

            foreach (var p in papersEl.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.String)
                {
                    throw Invalid("papers 中的每一项都应为字符串（通知网址）。");
                }

                papers.Add(p.GetString()!);
            }

            if (!root.TryGetProperty("days", out var daysEl) || daysEl.ValueKind != JsonValueKind.Array)
            {
                throw Invalid("缺少 days（放假和调休日期列表），应为数组。");
            }

            var days = ImmutableArray.CreateBuilder<CalendarDay>();
            var seen = new HashSet<DateOnly>();
            var index = 0;
            foreach (var d in daysEl.EnumerateArray())
            {
                index++;
                var where = $"days 第 {index} 项";
                if (d.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid($"{where} 应为对象。");
                }

                var name = d.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw Invalid($"{where} 缺少节日名称 name。");
                var dateText = d.TryGetProperty("date", out var dt) && dt.ValueKind == JsonValueKind.String ? dt.GetString()! : throw Invalid($"{where} 缺少日期 date。");
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw Invalid($"{where} 的日期“{dateText}”不是 YYYY-MM-DD 格式的有效日期。");
                }

                if (!d.TryGetProperty("isOffDay", out var off) || (off.ValueKind != JsonValueKind.True && off.ValueKind != JsonValueKind.False))
                {
                    throw Invalid($"{where}（{dateText}）缺少 isOffDay（是否休息日），应为 true 或 false。");
                }

                // A notice for year Y may name late-December days of Y−1 (e.g. 2019's notice lists 2018-12-29..31).
                if (date.Year != year && date.Year != year - 1)
                {
                    throw Invalid($"{where} 的日期 {dateText} 不属于 {year} 年（或其前一年年末）。");
                }

                if (!seen.Add(date))
                {
                    throw Invalid($"日期 {dateText} 在文件中出现了两次。");
                }

                days.Add(new CalendarDay(date, name, off.ValueKind == JsonValueKind.True));
            }

            return new CalendarYear(year, papers.ToImmutable(), days.ToImmutable());
        }
    }

    public static string Write(CalendarYear year)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("year", year.Year);
            w.WriteStartArray("papers");
            foreach (var p in year.Papers)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteStartArray("days");
            foreach (var d in year.Days.OrderBy(d => d.Date))
            {
                w.WriteStartObject();
                w.WriteString("name", d.Name);
                w.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteBoolean("isOffDay", d.IsOffDay);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static DomainException Invalid(string message) => new(ErrorCode, $"日历文件无效：{message}");
}
