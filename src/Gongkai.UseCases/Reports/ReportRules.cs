using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.Core.Reports.Validation;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Data.Reports;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

/// <summary>
/// Who may do what with annual reports, whose 政务公开办 reviews a unit's report, and when it is due. A unit's report
/// goes to its 主管部门 (the supervisor, else the parent); an agency at the top of the tree (a district government)
/// reviews its own report in its 政务公开办.
/// </summary>
public static class ReportRules
{
    public const string StateCode = "report.state";
    public const string InvalidCode = "report.invalid";
    public const int MaxSectionLength = 20_000;
    public const int MaxCommentLength = 2_000;
    public const int MaxRequestKeyLength = 100;

    /// <summary>The roles that write a unit's report (起草、修改、报送).</summary>
    public static IReadOnlyList<string> AuthorRoles { get; } = [Roles.Clerk, Roles.OfficeHead, Roles.DisclosureOffice];

    /// <summary>The agency whose 政务公开办 reviews and publishes the report of <paramref name="agencyId"/>.</summary>
    public static int ReviewOffice(AgencyTree tree, int agencyId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var node = tree.Find(agencyId) ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
        return node.EffectiveSupervisorId ?? node.Id;
    }

    public static bool MayWrite(StaffContext staff, int agencyId) =>
        staff.IsUnrestricted || (staff.CanSee(agencyId) && AuthorRoles.Any(staff.IsInRole));

    /// <summary>Whether the user is in the reviewing 政务公开办 (acting for the review office).</summary>
    public static bool MayReview(StaffContext staff, AgencyTree tree, int agencyId) =>
        staff.IsUnrestricted || (staff.IsInRole(Roles.DisclosureOffice) && staff.ActingAgencyId == ReviewOffice(tree, agencyId));

    /// <summary>The reviewing 政务公开办, or the review office's 信息发布员, publishes.</summary>
    public static bool MayPublish(StaffContext staff, AgencyTree tree, int agencyId) =>
        MayReview(staff, tree, agencyId) || (staff.IsInRole(Roles.Publisher) && staff.ActingAgencyId == ReviewOffice(tree, agencyId));

    public static void EnsureMayWrite(StaffContext staff, int agencyId)
    {
        staff.EnsureCanSee(agencyId);
        staff.EnsureRole([.. AuthorRoles]);
    }

    public static void EnsureMayReview(StaffContext staff, AgencyTree tree, int agencyId)
    {
        staff.EnsureCanSee(agencyId);
        if (!MayReview(staff, tree, agencyId))
        {
            throw new DomainException(StaffContext.ForbiddenCode, $"只有{tree.Find(ReviewOffice(tree, agencyId))?.Name}的政务公开办可以审核这份年度报告。");
        }
    }

    public static void EnsureMayPublish(StaffContext staff, AgencyTree tree, int agencyId)
    {
        staff.EnsureCanSee(agencyId);
        if (!MayPublish(staff, tree, agencyId))
        {
            throw new DomainException(StaffContext.ForbiddenCode, $"只有{tree.Find(ReviewOffice(tree, agencyId))?.Name}的政务公开办或信息发布员可以发布这份年度报告。");
        }
    }

    public static string? Key(string? requestKey) =>
        string.IsNullOrWhiteSpace(requestKey) ? null
        : requestKey.Trim().Length > MaxRequestKeyLength ? throw new DomainException(InvalidCode, "提交标识过长。")
        : requestKey.Trim();

    /// <summary>
    /// The editions the public may read: written here and published (or replaced by a correction, still readable). A
    /// report imported for supervision is the importer's reading of someone else's publication and is not republished.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<AnnualReportRecord, bool>> PublicEdition { get; } =
        r => r.Source == AnnualReportSource.Written && (r.Status == AnnualReportStatus.Published || r.Status == AnnualReportStatus.Superseded);

    public static string StatusName(AnnualReportStatus status) => status switch
    {
        AnnualReportStatus.Draft => "起草中",
        AnnualReportStatus.Submitted => "已报送待审核",
        AnnualReportStatus.Returned => "已退回修改",
        AnnualReportStatus.Accepted => "审核通过待发布",
        AnnualReportStatus.Published => "已发布",
        _ => "已被更正版本替代",
    };

    public static string ActionName(string action) => action switch
    {
        ReportActions.Created => "创建",
        ReportActions.Saved => "保存",
        ReportActions.Submitted => "报送",
        ReportActions.Returned => "退回修改",
        ReportActions.Accepted => "审核通过",
        ReportActions.Published => "发布",
        ReportActions.Corrected => "发起更正",
        ReportActions.Imported => "导入已发布报告",
        ReportActions.Superseded => "被更正版本替代",
        _ => action,
    };

    public static ReportingUnitKind UnitKind(AgencyKind kind) =>
        kind is AgencyKind.Government or AgencyKind.Township ? ReportingUnitKind.Government : ReportingUnitKind.Department;

    /// <summary>
    /// The publication deadline of the report on <paramref name="year"/>: the most specific rule set as data (one set
    /// by the nearest supervising office for the agency's kind, else one for everywhere), else 31 March for a
    /// 人民政府's own report and 31 January for the rest (条例第四十九条). A rule may move a deadline falling on a rest day
    /// to the next working day on the official calendar (when that year's calendar is loaded).
    /// </summary>
    public static DateOnly Deadline(AgencyTree tree, IReadOnlyList<ReportDeadlineRecord> allRules, int agencyId, int year, WorkingDayCalendar? calendar)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(allRules);
        var node = tree.Find(agencyId) ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
        var rules = allRules.Where(r => r.Kind == node.Kind).ToList();
        ReportDeadlineRecord? rule = null;
        for (var up = node.EffectiveSupervisorId is { } s ? tree.Find(s) : null; up is not null && rule is null; up = up.EffectiveSupervisorId is { } p ? tree.Find(p) : null)
        {
            rule = rules.FirstOrDefault(r => r.SupervisorAgencyId == up.Id);
        }

        rule ??= rules.FirstOrDefault(r => r.SupervisorAgencyId == null);
        var date = rule is null
            ? (node.Kind == AgencyKind.Government ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31))
            : new DateOnly(year + 1, rule.Month, Math.Min(rule.Day, DateTime.DaysInMonth(year + 1, rule.Month)));
        if (rule is { ShiftToWorkingDay: true } && calendar is not null)
        {
            try
            {
                while (!calendar.IsWorkingDay(date))
                {
                    date = date.AddDays(1);
                }
            }
            catch (DomainException)
            {
                // The year's calendar is not loaded: the deadline stays on its calendar date.
            }
        }

        return date;
    }
}

/// <summary>The workflow steps recorded in the report history.</summary>
public static class ReportActions
{
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Accepted = "accepted";
    public const string Published = "published";
    public const string Corrected = "corrected";
    public const string Imported = "imported";
    public const string Superseded = "superseded";
}
