using Gongkai.Core.Common;

namespace Gongkai.Core.Fees;

/// <summary>How an application is charged: never both on one application (国办函〔2020〕109号).</summary>
public enum FeeMethod
{
    /// <summary>按件计收: by the applicant's number of applications in the natural month.</summary>
    PerItem,

    /// <summary>按量计收: by the pages of this application.</summary>
    PerPage,
}

/// <summary>
/// The bands of 信息处理费 (条例第四十二条; 国办函〔2020〕109号), as settings with the national defaults: whole yuan,
/// 超额累进 (each band's rate applies only to the part within it).
/// </summary>
public sealed record FeeSchedule
{
    /// <summary>按件: the first applications in a month are free.</summary>
    public int FreeApplicationsPerMonth { get; init; } = 10;

    /// <summary>按件: 11th–30th application.</summary>
    public int SecondBandEnd { get; init; } = 30;

    public long SecondBandYuan { get; init; } = 100;

    /// <summary>按件: above <see cref="SecondBandEnd"/>, each further band of 10 applications costs 100 元 more per application.</summary>
    public int FurtherBandSize { get; init; } = 10;

    public long FurtherBandStepYuan { get; init; } = 100;

    /// <summary>按量: (up to pages, yuan per page) bands; pages above the last band pay <see cref="TopPageRateYuan"/>.</summary>
    public IReadOnlyList<(int UpToPages, long YuanPerPage)> PageBands { get; init; } = [(30, 0), (100, 10), (200, 20)];

    public long TopPageRateYuan { get; init; } = 40;

    public static FeeSchedule National { get; } = new();
}

/// <summary>Computes 信息处理费 in whole yuan. Pure; the count of an applicant's applications comes from the records.</summary>
public static class InformationFee
{
    public const string InvalidCode = "fee.invalid";

    /// <summary>The fee of an applicant's <paramref name="nth"/> application in a natural month (1-based), 按件计收.</summary>
    public static long PerItem(int nth, FeeSchedule? schedule = null)
    {
        schedule ??= FeeSchedule.National;
        if (nth < 1)
        {
            throw new DomainException(InvalidCode, "申请序号应从 1 开始。");
        }

        if (nth <= schedule.FreeApplicationsPerMonth)
        {
            return 0;
        }

        if (nth <= schedule.SecondBandEnd)
        {
            return schedule.SecondBandYuan;
        }

        var furtherBand = ((nth - schedule.SecondBandEnd - 1) / schedule.FurtherBandSize) + 1;
        return schedule.SecondBandYuan + (furtherBand * schedule.FurtherBandStepYuan);
    }

    /// <summary>What an applicant with <paramref name="applications"/> applications in a month pays in all, 按件计收.</summary>
    public static long PerItemMonthTotal(int applications, FeeSchedule? schedule = null)
    {
        if (applications < 0)
        {
            throw new DomainException(InvalidCode, "申请件数不能为负数。");
        }

        long total = 0;
        for (var n = 1; n <= applications; n++)
        {
            total += PerItem(n, schedule);
        }

        return total;
    }

    /// <summary>The fee of one application of <paramref name="pages"/> pages, 按量计收 (超额累进).</summary>
    public static long PerPage(int pages, FeeSchedule? schedule = null)
    {
        schedule ??= FeeSchedule.National;
        if (pages < 0)
        {
            throw new DomainException(InvalidCode, "页数不能为负数。");
        }

        long total = 0;
        var below = 0;
        foreach (var (upTo, rate) in schedule.PageBands)
        {
            total += Math.Max(0, Math.Min(pages, upTo) - below) * rate;
            below = upTo;
        }

        total += Math.Max(0, pages - below) * schedule.TopPageRateYuan;
        return total;
    }
}
