using System.Text.Json;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Fees;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>The fee vectors (data/vectors/fees.json) through real cases: per-item counts across one applicant's month, and pages.</summary>
public abstract class FeeCaseTests(DatabaseProvider provider) : CaseWorld(provider)
{
    private static JsonElement Vectors => JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "vectors", "fees.json"))).RootElement;

    private async Task<ApplicationRecord> ProcessingAsync(DateOnly arrived, ApplicationInput? input = null)
    {
        var record = input is null ? await RegisterAsync(arrived) : await AsStaff<RegisterApplication, ApplicationRecord>(Head, u => u.ExecuteAsync(input));
        await StepAsync(record.Id, new AcceptStep());
        return record;
    }

    [ProviderFact]
    public async Task Per_item_fees_follow_the_applicants_nth_application_in_the_natural_month()
    {
        var vectors = Vectors.GetProperty("per_item").EnumerateArray().Select(v => (Nth: v.GetProperty("nth_application_in_month").GetInt32(), Yuan: v.GetProperty("fee_yuan").GetInt64())).ToList();
        var max = vectors.Max(v => v.Nth);

        // Another applicant's applications, and this applicant's in October, do not count towards November.
        var other = (await InputAsync(new DateOnly(2026, 11, 2))) with { IdNumber = "110105199003071239", ApplicantName = "李四" };
        await AsStaff<RegisterApplication, ApplicationRecord>(Head, u => u.ExecuteAsync(other));
        await RegisterAsync(new DateOnly(2026, 10, 30));

        var november = new List<ApplicationRecord>();
        for (var i = 0; i < max; i++)
        {
            november.Add(await RegisterAsync(new DateOnly(2026, 11, 2)));
        }

        foreach (var (nth, yuan) in vectors)
        {
            var app = november[nth - 1];
            await StepAsync(app.Id, new AcceptStep());
            var notice = new SendFeeNoticeStep(new DateOnly(2026, 11, 20), FeeMethod.PerItem);
            if (yuan == 0)
            {
                var ex = await Assert.ThrowsAsync<DomainException>(() => StepAsync(app.Id, notice));
                Assert.Contains($"第 {nth} 件申请", ex.Message, StringComparison.Ordinal);
                continue;
            }

            await StepAsync(app.Id, notice);
            var stored = await StoredAsync(app.Id);
            Assert.True(yuan == stored.FeeYuan, $"application {nth} of the month: expected {yuan} yuan, got {stored.FeeYuan}");
            Assert.Equal(nth, stored.FeeNthInMonth);
            Assert.Equal(FeeMethod.PerItem, stored.FeeMethod);
        }
    }

    [ProviderFact]
    public async Task Per_page_fees_follow_the_bands_and_one_method_per_application()
    {
        foreach (var v in Vectors.GetProperty("per_page").EnumerateArray())
        {
            var pages = v.GetProperty("pages").GetInt32();
            var yuan = v.GetProperty("fee_yuan").GetInt64();
            var app = await ProcessingAsync(new DateOnly(2026, 11, 2));
            var notice = new SendFeeNoticeStep(new DateOnly(2026, 11, 20), FeeMethod.PerPage, pages);
            if (yuan == 0)
            {
                var ex = await Assert.ThrowsAsync<DomainException>(() => StepAsync(app.Id, notice));
                Assert.Contains("不收费", ex.Message, StringComparison.Ordinal);
                continue;
            }

            await StepAsync(app.Id, notice);
            Assert.Equal(yuan, (await StoredAsync(app.Id)).FeeYuan);
        }

        // Paid: the amount counts as collected in the year of payment; a second notice (another method) is refused.
        var paid = await ProcessingAsync(new DateOnly(2026, 11, 2));
        await StepAsync(paid.Id, new SendFeeNoticeStep(new DateOnly(2026, 11, 5), FeeMethod.PerPage, 250));
        await StepAsync(paid.Id, new RecordPaymentStep(new DateOnly(2026, 11, 10)));
        var second = await Assert.ThrowsAsync<DomainException>(() => StepAsync(paid.Id, new SendFeeNoticeStep(new DateOnly(2026, 11, 12), FeeMethod.PerItem)));
        Assert.Contains("只能采用一种计收方式", second.Message, StringComparison.Ordinal);
        var collected = await AsStaff<ListFeesCollected, IReadOnlyList<FeesCollectedByAgency>>(Head, u => u.ExecuteAsync(2026));
        var row = Assert.Single(collected);
        Assert.Equal(1, row.Applications);
        Assert.Equal(4700, row.Yuan);
        Assert.Empty(await AsStaff<ListFeesCollected, IReadOnlyList<FeesCollectedByAgency>>(Head, u => u.ExecuteAsync(2025)));
        Assert.Empty(await AsStaff<ListFeesCollected, IReadOnlyList<FeesCollectedByAgency>>("zt-cb", u => u.ExecuteAsync(2026)));
        var history = await EventsAsync(paid.Id);
        Assert.Contains("按量计收：250 页（超额累进），应缴信息处理费 4700 元", history.Single(e => e.Kind == nameof(CaseAction.SendFeeNotice)).Summary, StringComparison.Ordinal);
    }
}

public sealed class SqliteFeeCaseTests() : FeeCaseTests(DatabaseProvider.Sqlite);

public sealed class PostgresFeeCaseTests() : FeeCaseTests(DatabaseProvider.Postgres);
