using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Fees;
using Gongkai.Core.PersonalData;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongkai.UseCases.Cases;

/// <summary>One column of the 台账: its header, whether the import needs a value in it, and what it accepts (in Chinese).</summary>
public sealed record CaseRegisterColumn(string Name, bool Required, string Rule);

/// <summary>
/// The columns of the 台账 (case register) as offices keep it: one row per application, the facts of every step, the
/// decision and its annual-report row. The same layout is read back by <see cref="ImportCaseRegister"/>.
/// </summary>
public static class CaseRegisterLayout
{
    public const string Sheet = "依申请公开台账";

    public static readonly string[] Columns =
    [
        "受理编号", "申请类型", "受理机关", "承办单位", "申请人类型", "申请人姓名或名称", "证件类型", "证件号码", "联系电话", "联系人",
        "电子邮箱", "通信地址", "邮政编码", "申请内容", "获取信息的方式", "获取方式", "申请渠道", "到达日期", "收到申请日期", "补正告知日期",
        "补正期限", "收到补正日期", "暂停（征求意见、收费）", "延长工作日数", "延期批准人", "延期理由", "第三十五条答复期限", "第三十五条理由",
        "计收方式", "按件计收件次", "按量计收页数", "收费金额（元）", "缴费期限", "缴费日期", "答复截止日", "答复类型", "答复日期",
        "答复内容摘要", "掌握该信息的机关", "送达日期", "送达方式", "送达凭证", "办理状态", "是否按时送达", "年度报告表三行",
    ];

    public static readonly IReadOnlyDictionary<CaseType, string> TypeNames = Enum.GetValues<CaseType>().ToDictionary(t => t, DecisionCatalog.Name);

    public static readonly IReadOnlyDictionary<ApplicantType, string> ApplicantNames = new Dictionary<ApplicantType, string>
    {
        [ApplicantType.NaturalPerson] = "自然人",
        [ApplicantType.CommercialEnterprise] = "商业企业",
        [ApplicantType.ResearchInstitution] = "科研机构",
        [ApplicantType.SocialWelfareOrganization] = "社会公益组织",
        [ApplicantType.LegalServiceInstitution] = "法律服务机构",
        [ApplicantType.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<IdDocumentType, string> IdNames = new Dictionary<IdDocumentType, string>
    {
        [IdDocumentType.ResidentIdCard] = "居民身份证",
        [IdDocumentType.CreditCode] = "统一社会信用代码",
        [IdDocumentType.Passport] = "护照",
        [IdDocumentType.Other] = "其他证件",
    };

    public static readonly IReadOnlyDictionary<ProvisionForm, string> ProvisionNames = new Dictionary<ProvisionForm, string>
    {
        [ProvisionForm.Paper] = "纸质",
        [ProvisionForm.Email] = "电子邮件",
        [ProvisionForm.ElectronicCopy] = "光盘等电子数据",
        [ProvisionForm.Inspection] = "查阅抄录",
    };

    public static readonly IReadOnlyDictionary<DeliveryMethod, string> DeliveryNames = new Dictionary<DeliveryMethod, string>
    {
        [DeliveryMethod.Collect] = "自行领取",
        [DeliveryMethod.Post] = "邮寄",
        [DeliveryMethod.Electronic] = "电子方式",
    };

    public static readonly IReadOnlyDictionary<PauseReason, string> PauseNames = new Dictionary<PauseReason, string>
    {
        [PauseReason.ThirdPartyConsultation] = "征求第三方意见",
        [PauseReason.CoMakerConsultation] = "征求其他机关意见",
        [PauseReason.FeeNotice] = "收费",
    };

    public static readonly IReadOnlyDictionary<FeeMethod, string> FeeNames = new Dictionary<FeeMethod, string>
    {
        [FeeMethod.PerItem] = "按件计收",
        [FeeMethod.PerPage] = "按量计收",
    };

    /// <summary>
    /// What each column holds and what the import accepts, in the order of <see cref="Columns"/>: shown on the import
    /// page and as the 填写说明 sheet of <see cref="Template"/>, so that offices can fill in a register by hand.
    /// </summary>
    public static IReadOnlyList<CaseRegisterColumn> Guide { get; } =
    [
        new("受理编号", true, "本平台内唯一，不超过 100 个字符；已存在的编号不能再导入"),
        new("申请类型", true, string.Join("、", TypeNames.Values)),
        new("受理机关", true, "机构全称，须是已有机构且在您的管理范围内"),
        new("承办单位", false, "机构全称（同上）；不填则由受理机关承办"),
        new("申请人类型", true, string.Join("、", ApplicantNames.Values)),
        new("申请人姓名或名称", true, "不超过 200 个字符"),
        new("证件类型", true, string.Join("、", IdNames.Values)),
        new("证件号码", false, "完整号码，不能是遮盖后的号码；证件类型为居民身份证时必填，须为 18 位且校验码正确"),
        new("联系电话", false, "完整号码，不能是遮盖后的号码"),
        new("联系人", false, string.Empty),
        new("电子邮箱", false, string.Empty),
        new("通信地址", false, string.Empty),
        new("邮政编码", false, string.Empty),
        new("申请内容", true, $"不超过 {ApplicationIntake.MaxDescriptionLength} 个字符"),
        new("获取信息的方式", true, string.Join("、", ProvisionNames.Values)),
        new("获取方式", true, string.Join("、", DeliveryNames.Values)),
        new("申请渠道", true, string.Join("、", Enum.GetValues<Channel>().Select(ChannelNames.Of))),
        new("到达日期", true, "YYYY-MM-DD，不能晚于今天"),
        new("收到申请日期", false, "YYYY-MM-DD，不能早于到达日期；未确认收到的申请不填"),
        new("补正告知日期", false, "YYYY-MM-DD"),
        new("补正期限", false, "YYYY-MM-DD"),
        new("收到补正日期", false, "YYYY-MM-DD"),
        new("暂停（征求意见、收费）", false, $"每行一次暂停：类型|对方|开始日期|回复日期|期限|对方收到函件日期，类型为{string.Join("、", PauseNames.Values)}，不适用的项留空"),
        new("延长工作日数", false, "1 至 20"),
        new("延期批准人", false, string.Empty),
        new("延期理由", false, string.Empty),
        new("第三十五条答复期限", false, "YYYY-MM-DD"),
        new("第三十五条理由", false, string.Empty),
        new("计收方式", false, string.Join("、", FeeNames.Values)),
        new("按件计收件次", false, "非负整数"),
        new("按量计收页数", false, "非负整数"),
        new("收费金额（元）", false, "非负整数"),
        new("缴费期限", false, "YYYY-MM-DD"),
        new("缴费日期", false, "YYYY-MM-DD"),
        new("答复截止日", false, "导入时不读取：由系统按工作日历重新计算"),
        new("答复类型", false, "与“答复类型”表中的名称一致，且适用于该申请类型；与答复日期同时填写"),
        new("答复日期", false, "YYYY-MM-DD；与答复类型同时填写"),
        new("答复内容摘要", false, string.Empty),
        new("掌握该信息的机关", false, string.Empty),
        new("送达日期", false, "YYYY-MM-DD，不能早于答复日期"),
        new("送达方式", false, string.Join("、", Enum.GetValues<ServiceMethod>().Select(ServiceNames.Of))),
        new("送达凭证", false, string.Empty),
        new("办理状态", true, $"{string.Join("、", Enum.GetValues<CaseState>().Select(CaseLifecycle.Name))}；须与答复、送达记录一致"),
        new("是否按时送达", false, "导入时不读取：由系统计算"),
        new("年度报告表三行", false, "导入时不读取：由答复类型决定"),
    ];

    /// <summary>A blank register to fill in: the 台账 sheet with the header row only, and a 填写说明 sheet from <see cref="Guide"/>.</summary>
    public static byte[] Template()
    {
        using var header = new System.Data.DataTable(Sheet) { Locale = CultureInfo.InvariantCulture };
        foreach (var c in Columns)
        {
            header.Columns.Add(c, typeof(string));
        }

        var guide = Guide.Select(c => new Dictionary<string, object>
        {
            ["列名"] = c.Name,
            ["是否必填"] = c.Required ? "必填" : "选填",
            ["填写要求"] = c.Rule,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [Sheet] = header, ["填写说明"] = guide });
        return stream.ToArray();
    }

    public static string Number(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Pauses as text: 征求第三方意见|某公司|2026-11-05|2026-11-12|（期限）; several separated by a line break.</summary>
    public static string Pauses(IEnumerable<ApplicationPauseRecord> pauses) => string.Join("\n", pauses.OrderBy(p => p.Sequence)
        .Select(p => string.Join("|", PauseNames[p.Reason], p.Party ?? string.Empty, Date(p.From), Date(p.Until), Date(p.Limit), Date(p.LetterReceived))));
}

/// <summary>
/// 导出台账: the register of the applications this user may see, received (or, for unconfirmed ones, arrived) in a year,
/// as XLSX. With full personal data (for a transfer or an archive copy) only for the staff who handle cases, and the
/// export is written into the audit history either way.
/// </summary>
[AuditAction("导出台账")]
public sealed class ExportCaseRegister(GongkaiDbContext db, StaffContext staff, AuditContext audit, PersonalDataProtector protector, CalendarProvider calendars, AgencyClock clock)
{
    public async Task<byte[]> ExecuteAsync(int year, bool fullPersonalData, CancellationToken ct = default)
    {
        staff.EnsureRole(fullPersonalData ? [Roles.Clerk, Roles.Reviewer, Roles.OfficeHead] : [Roles.Clerk, Roles.Reviewer, Roles.OfficeHead, Roles.DisclosureOffice, Roles.SystemAdministrator]);
        using var _ = audit.Begin(this);
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var rows = await db.Applications.AsNoTracking().Include(a => a.Pauses)
            .VisibleTo(staff)
            .Where(a => (a.Received ?? a.Arrived) >= from && (a.Received ?? a.Arrived) < to)
            .OrderBy(a => a.Received ?? a.Arrived).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var sheet = rows.Select(a =>
        {
            var domain = ApplicationCase.Restore(a.Snapshot());
            var due = domain.Deadline(calendar);
            var id = protector.Unprotect(a.IdNumberProtected) ?? string.Empty;
            var phone = protector.Unprotect(a.PhoneProtected) ?? string.Empty;
            var decision = a.Decision is { } d ? DecisionCatalog.Of(d) : null;
            var values = new object?[]
            {
                a.CaseNumber, CaseRegisterLayout.TypeNames[a.Type], names.GetValueOrDefault(a.AgencyId), a.AssignedAgencyId is { } u ? names.GetValueOrDefault(u) : string.Empty,
                CaseRegisterLayout.ApplicantNames[a.ApplicantType], a.ApplicantName, CaseRegisterLayout.IdNames[a.IdDocumentType],
                fullPersonalData ? id : a.MaskIdNumber(id), fullPersonalData ? phone : Masking.Phone(phone),
                a.ContactPerson, a.Email, a.Address, a.PostalCode, a.Description, CaseRegisterLayout.ProvisionNames[a.ProvisionForm], CaseRegisterLayout.DeliveryNames[a.DeliveryMethod],
                ChannelNames.Of(a.Channel), CaseRegisterLayout.Date(a.Arrived), CaseRegisterLayout.Date(a.Received), CaseRegisterLayout.Date(a.CorrectionRequested),
                CaseRegisterLayout.Date(a.CorrectionDeadline), CaseRegisterLayout.Date(a.CorrectionReceived), CaseRegisterLayout.Pauses(a.Pauses),
                a.ExtensionWorkingDays == 0 ? string.Empty : a.ExtensionWorkingDays.ToString(CultureInfo.InvariantCulture), a.ExtensionApprover, a.ExtensionReason,
                CaseRegisterLayout.Date(a.LongerDue), a.LongerDueReason,
                a.FeeMethod is { } fm ? CaseRegisterLayout.FeeNames[fm] : string.Empty, CaseRegisterLayout.Number(a.FeeNthInMonth), CaseRegisterLayout.Number(a.FeePages),
                CaseRegisterLayout.Number(a.FeeYuan), CaseRegisterLayout.Date(a.FeePaymentDeadline), CaseRegisterLayout.Date(a.FeePaid),
                CaseRegisterLayout.Date(due?.Due.Date), decision?.Name, CaseRegisterLayout.Date(a.Decided), a.DecisionSummary, a.HoldingAgency, CaseRegisterLayout.Date(a.Served),
                a.ServiceMethod is { } m ? ServiceNames.Of(m) : string.Empty, a.ServiceEvidence, CaseLifecycle.Name(a.State),
                domain.ServedOnTime(calendar) switch { true => "是", false => "否", null => string.Empty }, decision?.ReportRow,
            };
            return CaseRegisterLayout.Columns.Zip(values).ToDictionary(p => p.First, p => p.Second ?? string.Empty);
        }).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(CaseRegisterLayout.Columns.ToDictionary(c => c, _ => (object)string.Empty));
        }

        db.AuditEntries.Add(audit.Viewed("台账", year.ToString(CultureInfo.InvariantCulture), fullPersonalData ? $"导出 {rows.Count} 件申请（含完整证件号码和电话）" : $"导出 {rows.Count} 件申请（个人信息已遮盖）", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: CaseRegisterLayout.Sheet);
        return stream.ToArray();
    }
}

/// <summary>What an import of the 台账 did: how many cases, the years they were received (or arrived) in, and whether it was a repeated submit.</summary>
public sealed record CaseRegisterImport(int Count, IReadOnlyList<int> Years, bool Repeated);

/// <summary>
/// 导入台账: past years' applications from an XLSX in the register's layout (e.g. kept in a spreadsheet before the
/// platform, or exported from another installation). Every row is checked — agency in scope, known names, valid dates and
/// ID numbers, a consistent procedure, a 受理编号 not yet used — and a single broken row means nothing is imported,
/// each error named by its row number. Imported cases get one history entry saying where they came from.
/// </summary>
[AuditAction("导入台账")]
public sealed class ImportCaseRegister(GongkaiDbContext db, StaffContext staff, AuditContext audit, PersonalDataProtector protector, CalendarProvider calendars, AgencyClock clock)
{
    public const int MaxRows = 20000;

    /// <summary>The history entry each imported case gets; it carries the request key of the import.</summary>
    public const string ImportedKind = "Imported";

    /// <summary>The roles that may import a register: 承办人, 工作机构负责人, 政务公开办, 系统管理员.</summary>
    public static IReadOnlyList<string> AllowedRoles { get; } = [Roles.Clerk, Roles.OfficeHead, Roles.DisclosureOffice, Roles.SystemAdministrator];

    /// <param name="requestKey">
    /// The key of the submit (a form or a command): when cases were already imported under it, nothing is read or
    /// imported again and the first import's result is returned with <see cref="CaseRegisterImport.Repeated"/> set.
    /// </param>
    public async Task<CaseRegisterImport> ExecuteAsync(Stream xlsx, string source, string? requestKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(source);
        staff.EnsureRole([.. AllowedRoles]);
        using var scope = audit.Begin(this);
        var key = string.IsNullOrWhiteSpace(requestKey) ? null : requestKey;
        if (key is { Length: > ApplicationIntake.MaxIdempotencyKeyLength })
        {
            throw new DomainException(SpreadsheetRows.InvalidFileCode, "提交标识过长。");
        }

        if (await FindRepeatAsync(key, ct) is { } repeat)
        {
            return repeat;
        }

        var rows = Read(xlsx);
        if (rows.Count == 0)
        {
            throw new DomainException(SpreadsheetRows.InvalidFileCode, "文件中没有填写任何申请（表头下的行都是空的）。");
        }

        var tree = await AgencyTree.LoadAsync(db, ct);
        var agencies = tree.Ordered.Where(n => staff.CanSee(n.Id)).ToDictionary(n => n.Name, n => n.Id, StringComparer.Ordinal);
        var existing = (await db.Applications.AsNoTracking().Select(a => a.CaseNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var calendar = await calendars.GetAsync(db, ct);
        var today = clock.Today();
        var errors = new List<ImportRowError>();
        var records = new List<ApplicationRecord>();
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, cells) in rows)
        {
            var problems = new List<string>();
            string Cell(string c) => cells.TryGetValue(c, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty : string.Empty;
            T Pick<T>(string column, IReadOnlyDictionary<T, string> names)
                where T : struct
            {
                var text = Cell(column);
                var hit = names.FirstOrDefault(p => p.Value == text);
                if (hit.Value is null)
                {
                    problems.Add($"{column}“{text}”无效，应为：{string.Join("、", names.Values)}");
                    return default;
                }

                return hit.Key;
            }

            DateOnly? Day(string column, bool required = false, bool future = false)
            {
                var text = Cell(column);
                if (text.Length == 0)
                {
                    if (required)
                    {
                        problems.Add($"缺少{column}");
                    }

                    return null;
                }

                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    || (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && (d = DateOnly.FromDateTime(dt)) != default))
                {
                    if ((d > today && !future) || d.Year < WorkingDayCalendar.FirstSupportedYear || d.Year > WorkingDayCalendar.LastSupportedYear)
                    {
                        problems.Add($"{column}“{text}”不在有效范围内");
                    }

                    return d;
                }

                problems.Add($"{column}“{text}”不是有效日期（应为 YYYY-MM-DD）");
                return null;
            }

            var number = Cell("受理编号");
            if (number.Length is 0 or > 100)
            {
                problems.Add("受理编号为空或过长");
            }
            else if (existing.Contains(number) || !inFile.Add(number))
            {
                problems.Add($"受理编号“{number}”已存在");
            }

            if (!agencies.TryGetValue(Cell("受理机关"), out var agencyId))
            {
                problems.Add($"受理机关“{Cell("受理机关")}”不存在或不在您的管理范围内");
            }

            int? assigned = null;
            if (Cell("承办单位").Length > 0)
            {
                assigned = agencies.TryGetValue(Cell("承办单位"), out var a) ? a : null;
                if (assigned is null)
                {
                    problems.Add($"承办单位“{Cell("承办单位")}”不存在或不在您的管理范围内");
                }
            }

            var type = Pick("申请类型", CaseRegisterLayout.TypeNames);
            var applicantType = Pick("申请人类型", CaseRegisterLayout.ApplicantNames);
            var idType = Pick("证件类型", CaseRegisterLayout.IdNames);
            var provision = Pick("获取信息的方式", CaseRegisterLayout.ProvisionNames);
            var delivery = Pick("获取方式", CaseRegisterLayout.DeliveryNames);
            var channel = Pick("申请渠道", Enum.GetValues<Channel>().ToDictionary(c => c, ChannelNames.Of));
            var idNumber = Cell("证件号码").ToUpperInvariant();
            if (idNumber.Contains('*', StringComparison.Ordinal))
            {
                problems.Add("证件号码已遮盖，无法导入（请导出含完整个人信息的台账）");
            }
            else if (idType == IdDocumentType.ResidentIdCard && !ResidentIdNumber.TryParse(idNumber, out _, out var idError))
            {
                problems.Add(idError);
            }

            var phone = Cell("联系电话");
            if (phone.Contains('*', StringComparison.Ordinal))
            {
                problems.Add("联系电话已遮盖，无法导入");
            }

            if (Cell("申请人姓名或名称").Length is 0 or > 200 || Cell("申请内容").Length is 0 or > ApplicationIntake.MaxDescriptionLength)
            {
                problems.Add("申请人姓名或名称、申请内容不能为空，且不能过长");
            }

            var arrived = Day("到达日期", required: true);
            var received = Day("收到申请日期");
            DecisionType? decision = null;
            if (Cell("答复类型").Length > 0)
            {
                var info = DecisionCatalog.All.FirstOrDefault(d => d.Name == Cell("答复类型"));
                if (info is null)
                {
                    problems.Add($"答复类型“{Cell("答复类型")}”无效（须与答复类型表中的名称一致）");
                }
                else if (info.AppliesTo != type && info.Type != DecisionType.Other)
                {
                    problems.Add($"答复类型“{info.Name}”不适用于{DecisionCatalog.Name(type)}");
                }
                else
                {
                    decision = info.Type;
                }
            }

            var pauses = new List<ApplicationPauseRecord>();
            foreach (var (line, i) in Cell("暂停（征求意见、收费）").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i)))
            {
                var parts = line.Split('|');
                var reason = CaseRegisterLayout.PauseNames.FirstOrDefault(p => p.Value == parts[0]);
                DateOnly? P(int k) => parts.Length > k && DateOnly.TryParseExact(parts[k], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                if (reason.Value is null || parts.Length < 6 || P(2) is not { } start)
                {
                    problems.Add($"暂停记录“{line}”格式应为 类型|对方|开始|回复|期限|对方收到函件");
                    continue;
                }

                pauses.Add(new ApplicationPauseRecord { Sequence = i + 1, Reason = reason.Key, Party = parts[1].Length == 0 ? null : parts[1], From = start, Until = P(3), Limit = P(4), LetterReceived = P(5) });
            }

            var extension = 0;
            if (Cell("延长工作日数").Length > 0 && (!int.TryParse(Cell("延长工作日数"), out extension) || extension is < 1 or > 20))
            {
                problems.Add("延长工作日数应为 1 至 20");
            }

            var method = Cell("送达方式").Length == 0 ? (ServiceMethod?)null
                : Enum.GetValues<ServiceMethod>().Cast<ServiceMethod?>().FirstOrDefault(m => ServiceNames.Of(m!.Value) == Cell("送达方式"));
            if (Cell("送达方式").Length > 0 && method is null)
            {
                problems.Add($"送达方式“{Cell("送达方式")}”无效");
            }

            FeeMethod? feeMethod = Cell("计收方式").Length == 0 ? null : Pick("计收方式", CaseRegisterLayout.FeeNames);
            long? Whole(string column)
            {
                var text = Cell(column);
                if (text.Length == 0)
                {
                    return null;
                }

                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000_000)
                {
                    return n;
                }

                problems.Add($"{column}“{text}”应为非负整数");
                return null;
            }

            var feeNth = Whole("按件计收件次");
            var feePages = Whole("按量计收页数");
            var feeYuan = Whole("收费金额（元）");
            var longerReason = NullIfEmpty(Cell("第三十五条理由"));
            var decided = Day("答复日期");
            var correctionRequested = Day("补正告知日期");
            var correctionDeadline = Day("补正期限", future: true);
            var correctionReceived = Day("收到补正日期");
            var longerDue = Day("第三十五条答复期限", future: true);
            var feeDeadline = Day("缴费期限", future: true);
            var feePaid = Day("缴费日期");
            var served = Day("送达日期");
            var state = Enum.GetValues<CaseState>().Cast<CaseState?>().FirstOrDefault(s => CaseLifecycle.Name(s!.Value) == Cell("办理状态"));
            if (state is null)
            {
                problems.Add($"办理状态“{Cell("办理状态")}”无效");
            }

            // The procedure must hang together: a decision has its date, service follows the decision, and so on.
            if ((decision is null) != (decided is null))
            {
                problems.Add("答复类型和答复日期应同时填写");
            }

            if (served is not null && (decided is null || served < decided))
            {
                problems.Add("送达日期应在答复日期之后");
            }

            if (received is { } r0 && arrived is { } a0 && r0 < a0)
            {
                problems.Add("收到申请日期不能早于到达日期");
            }

            if (state is CaseState.Served or CaseState.Archived && served is null || state is CaseState.Decided && decision is null)
            {
                problems.Add("办理状态与答复、送达记录不一致");
            }

            if (problems.Count > 0)
            {
                errors.Add(new ImportRowError(row, string.Join("；", problems)));
                continue;
            }

            var now = clock.UtcNow;
            records.Add(new ApplicationRecord
            {
                AgencyId = agencyId,
                AssignedAgencyId = assigned,
                CaseNumber = number,
                Type = type,
                QueryCodeProtected = protector.Protect(ApplicationIntake.NewQueryCode()),
                ApplicantType = applicantType,
                ApplicantName = Cell("申请人姓名或名称"),
                IdDocumentType = idType,
                IdNumberProtected = protector.Protect(idNumber)!,
                IdNumberIndex = protector.BlindIndex(idNumber),
                PhoneProtected = protector.Protect(phone)!,
                ContactPerson = NullIfEmpty(Cell("联系人")),
                Email = NullIfEmpty(Cell("电子邮箱")),
                Address = NullIfEmpty(Cell("通信地址")),
                PostalCode = NullIfEmpty(Cell("邮政编码")),
                Description = Cell("申请内容"),
                ProvisionForm = provision,
                DeliveryMethod = delivery,
                Channel = channel,
                Arrived = arrived!.Value,
                Received = received,
                CorrectionRequested = correctionRequested,
                CorrectionDeadline = correctionDeadline,
                CorrectionReceived = correctionReceived,
                ExtensionWorkingDays = extension,
                ExtensionApprover = NullIfEmpty(Cell("延期批准人")),
                ExtensionReason = NullIfEmpty(Cell("延期理由")),
                LongerDue = longerDue,
                LongerDueReason = longerReason,
                FeeMethod = feeMethod,
                FeeNthInMonth = (int?)feeNth,
                FeePages = (int?)feePages,
                FeeYuan = feeYuan,
                FeePaymentDeadline = feeDeadline,
                FeePaid = feePaid,
                Decision = decision,
                Decided = decided,
                DecisionSummary = NullIfEmpty(Cell("答复内容摘要")),
                HoldingAgency = NullIfEmpty(Cell("掌握该信息的机关")),
                Served = served,
                ServiceMethod = method,
                ServiceEvidence = NullIfEmpty(Cell("送达凭证")),
                State = state!.Value,
                Pauses = pauses,
                RegisteredAt = now,
                RegisteredBy = staff.DisplayName,
                UpdatedAt = now,
                UpdatedBy = staff.DisplayName,
                Version = 1,
            });
        }

        if (errors.Count > 0)
        {
            // The same submit may have been imported meanwhile (its 受理编号 now exist): that is its result, not an error.
            return await FindRepeatAsync(key, ct) ?? throw new ImportRejectedException(errors);
        }

        foreach (var r in records)
        {
            r.DueDate = ApplicationCase.Restore(r.Snapshot()).Deadline(calendar)?.Due.Date;
        }

        try
        {
            await SaveAsync(records, source, key, ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // A concurrent repeat of this submit saved first (the unique 受理编号 stopped this one): return its result.
            db.ChangeTracker.Clear();
            if (await FindRepeatAsync(key, ct) is { } first)
            {
                return first;
            }

            throw;
        }

        return new CaseRegisterImport(records.Count, Years(records.Select(r => r.Received ?? r.Arrived)), Repeated: false);
    }

    private async Task SaveAsync(List<ApplicationRecord> records, string source, string? key, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Applications.AddRange(records);
        await db.SaveChangesAsync(ct);
        var label = source.Length > 200 ? source[..200] : source;
        foreach (var r in records)
        {
            db.ApplicationEvents.Add(new ApplicationEventRecord
            {
                ApplicationId = r.Id,
                At = r.RegisteredAt,
                Actor = staff.DisplayName,
                Kind = ImportedKind,
                Summary = $"从台账“{label}”导入（{CaseLifecycle.Name(r.State)}）。",
                StateAfter = r.State,
                DueAfter = r.DueDate,
                RequestKey = key,
            });
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The result of the import made earlier under <paramref name="key"/>, if any.</summary>
    private async Task<CaseRegisterImport?> FindRepeatAsync(string? key, CancellationToken ct)
    {
        if (key is null)
        {
            return null;
        }

        var dates = await db.ApplicationEvents.AsNoTracking()
            .Where(e => e.Kind == ImportedKind && e.RequestKey == key)
            .Join(db.Applications, e => e.ApplicationId, a => a.Id, (e, a) => a.Received ?? a.Arrived)
            .ToListAsync(ct);
        return dates.Count == 0 ? null : new CaseRegisterImport(dates.Count, Years(dates), Repeated: true);
    }

    private static int[] Years(IEnumerable<DateOnly> dates) => [.. dates.Select(d => d.Year).Distinct().Order()];

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static List<(int Row, IDictionary<string, object?> Cells)> Read(Stream xlsx) =>
        SpreadsheetRows.Read(xlsx, CaseRegisterLayout.Columns, MaxRows, "台账", "请使用导出的台账格式。");
}
