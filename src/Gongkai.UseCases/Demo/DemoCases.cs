using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// The demo applications: a realistic working queue over the demo district's units, dated around 'today' of the
/// injected clock. Each is registered and stepped through by the demo staff with the real use cases
/// (<see cref="RegisterApplication"/>, <see cref="PerformCaseStep"/>), so the histories, cached due dates and queues
/// are exactly those the product would produce; past dates are counted back in working days on the loaded calendar.
/// The applicants are made up: names, telephone numbers (138 000 …) and ID numbers (valid check digit, fictional).
/// Before them come the district government's complete past years (<see cref="DemoHistory"/>), played the same way.
/// </summary>
public sealed partial class DemoCases(
    GongkaiDbContext db,
    StaffContext staff,
    RegisterApplication register,
    PerformCaseStep perform,
    CalendarProvider calendars,
    AgencyClock clock,
    RegisterReviewCase registerReview,
    RecordReviewAnswer recordReviewAnswer,
    RecordReviewOutcome recordReviewOutcome,
    Letters.IssueLetter issueLetter,
    Microsoft.Extensions.Options.IOptions<Data.Configuration.GongkaiOptions> options)
{
    private const string Education = "包头市昆都仑区教育局";
    private const string CivilAffairs = "包头市昆都仑区民政局";
    private const string Health = "包头市昆都仑区卫生健康委员会";
    private const string Zhaotan = "包头市昆都仑区沼潭街道办事处";
    private const string District = DemoAgencies.DistrictGovernment;

    private static readonly (string Name, string Id17, string Phone)[] Applicants =
    [
        ("刘建华", "15020319780315031", "13800000101"),
        ("陈秀英", "15020319620921042", "13800000102"),
        ("赵志强", "15020419850607053", "13800000103"),
        ("孙丽娟", "15020319901123064", "13800000104"),
        ("周明", "15020219710402075", "13800000105"),
        ("吴桂兰", "15020319581230086", "13800000106"),
        ("郑海涛", "15020719880818097", "13800000107"),
        ("王淑芬", "15020319670514008", "13800000108"),
        ("冯磊", "15020319930227019", "13800000109"),
        ("何玉梅", "15020419750911021", "13800000110"),
        ("马晓东", "15020319821106032", "13800000111"),
        ("韩雪", "15020319950719043", "13800000112"),
        ("高振宇", "15020219690128054", "13800000113"),
        ("林芳", "15020319870302065", "13800000114"),
        ("宋国庆", "15020319591001076", "13800000115"),
        ("唐文静", "15020319920608087", "13800000116"),
        ("许志军", "15020419800420098", "13800000117"),
        ("邓丽华", "15020319730817009", "13800000118"),
        ("曹阳", "15020319970505011", "13800000119"),
    ];

    private WorkingDayCalendar _calendar = null!;
    private DateOnly _today;
    private Dictionary<string, int> _agencies = [];
    private Dictionary<string, string> _userIds = [];
    private AgencyTree _tree = null!;
    private int _next;
    private readonly List<DemoCaseRef> _created = [];

    /// <summary>Every application the load created, in the order it was registered (past years first), e.g. to add their letters.</summary>
    public IReadOnlyList<DemoCaseRef> Created => _created;

    /// <summary>Registers and steps through the demo applications; returns how many there are. Leaves <paramref name="staff"/> as the operator named <paramref name="operatorName"/>.</summary>
    public async Task<int> LoadAsync(string operatorName, CancellationToken ct = default)
    {
        _calendar = await calendars.GetAsync(db, ct);
        _today = clock.Today();
        _agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        _userIds = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        _tree = await AgencyTree.LoadAsync(db, ct);
        try
        {
            if (options.Value.Demo.History)
            {
                await LoadHistoryAsync(ct);
            }

            // 待确认收到: online and e-mail applications not yet confirmed with the applicant.
            await RegisterAsync("jyj-cb", Education, Channel.Online, Back(1), "2026年昆都仑区义务教育阶段公办学校招生划片范围及划片依据文件。", ct);
            await RegisterAsync("mzj-cb", CivilAffairs, Channel.Email, Back(2), "2025年昆都仑区城乡最低生活保障资金发放的汇总情况（按街道、镇统计）。", ct);

            // 待补正: the description does not identify the information.
            var unclear = await RegisterAsync("mzj-cb", Health, Channel.InPerson, Back(4), "卫健委关于医院的所有文件。", ct);
            await StepAsync(unclear, "mzj-cb", new RequestCorrectionStep(Back(2), _calendar.AddWorkingDays(Back(2), 15).Date, "请写明所需信息涉及的医疗机构名称、文件名称或文号、形成时间等便于查找的特征描述。"), ct);

            // 办理中, due within a few working days.
            var school = await RegisterAsync("jyj-cb", Education, Channel.InPerson, Back(17), "昆都仑区第二十中学2025年校舍维修改造工程的招标文件及中标结果公告。", ct);
            await StepAsync(school, "jyj-cb", new AcceptStep(), ct);
            var lane = await RegisterAsync("zt-cb", Zhaotan, Channel.PostSigned, Back(18), "沼潭街道某小区2025年老旧小区改造工程的项目批复文件及竣工验收资料。", ct);
            await StepAsync(lane, "zt-cb", new AcceptStep(), ct);
            var plan = await RegisterAsync("gkb", District, Channel.Online, Back(17), "昆都仑区2026年重点项目建设计划中涉及城市更新的项目清单。", ct);
            await StepAsync(plan, "gkb", new ConfirmReceiptStep(Back(16), "电话联系申请人，确认收到。"), ct);
            await StepAsync(plan, "gkb", new AcceptStep(), ct);
            await StepAsync(plan, "gkb", new AssignStep(_agencies["包头市昆都仑区住房和城乡建设局"]), ct);
            var copies = await RegisterAsync("gkb", District, Channel.InPerson, Back(19), "区政府2021年至2025年发布的全部规范性文件纸质文本（复制件）。", ct);
            await StepAsync(copies, "gkb", new AcceptStep(), ct);
            await StepAsync(copies, "gkb", new SendFeeNoticeStep(Back(10), Core.Fees.FeeMethod.PerPage, 420, "复制文件共 420 页，按量计收。"), ct);
            await LetterAsync(copies, "gkb", "FeeNotice", Back(10), ct);
            await StepAsync(copies, "gkb", new RecordPaymentStep(Back(6)), ct);

            // 已超期.
            var subsidy = await RegisterAsync("mzj-cb", CivilAffairs, Channel.InPerson, Back(22), "2025年昆都仑区高龄津贴发放标准及发放人数。", ct);
            await StepAsync(subsidy, "mzj-cb", new AcceptStep(), ct);

            // 征求第三方意见, paused.
            var waste = await RegisterAsync("mzj-cb", Health, Channel.PostSigned, Back(12), "2025年区内某社区卫生服务中心与医疗废物处置企业签订的处置合同。", ct);
            await StepAsync(waste, "mzj-cb", new AcceptStep(), ct);
            await StepAsync(waste, "mzj-cb", new StartConsultationStep(PauseReason.ThirdPartyConsultation, "包头市某环保科技有限公司（演示）", Back(5), Back(3)), ct);
            await LetterAsync(waste, "mzj-cb", "ConsultationLetter", Back(5), ct, pause: 1);

            // 已延期.
            var exams = await RegisterAsync("jyj-cb", Education, Channel.Email, Back(19), "2025年昆都仑区教育系统公开招聘教师笔试、面试成绩的确定办法及复核记录。", ct);
            await StepAsync(exams, "jyj-cb", new ConfirmReceiptStep(Back(18)), ct);
            await StepAsync(exams, "jyj-cb", new AcceptStep(), ct);
            await StepAsync(exams, "jyj-fz", new ExtendStep(15, "需调取多个学校的招聘档案并逐一核对，无法在 20 个工作日内答复。"), ct);
            await LetterAsync(exams, "jyj-cb", "ExtensionNotice", null, ct);

            // 已作出决定，待送达.
            var jobs = await RegisterAsync("zt-cb", Zhaotan, Channel.InPerson, Back(15), "本人所在社区2026年公益性岗位的招聘公告及录用名单。", ct);
            await StepAsync(jobs, "zt-cb", new AcceptStep(), ct);
            await StepAsync(jobs, "zt-admin", new DecideStep(DecisionType.Disclosed, Back(1), "予以公开：提供招聘公告及录用名单（已隐去身份证号码）。"), ct);
            await LetterAsync(jobs, "zt-cb", "Reply", Back(1), ct);
            await LetterAsync(jobs, "zt-cb", "ServiceCertificate", Back(1), ct);

            // 已送达 and 已归档, with different decisions.
            var repairs = await RegisterAsync("jyj-cb", Education, Channel.InPerson, Back(40), "2025年区教育局学校安全隐患排查整改的资金使用明细。", ct);
            await StepAsync(repairs, "jyj-cb", new AcceptStep(), ct);
            await StepAsync(repairs, "jyj-sh", new DecideStep(DecisionType.PartiallyDisclosed, Back(25), "部分公开：提供资金使用明细，其中供应商银行账户信息不予公开。"), ct);
            await LetterAsync(repairs, "jyj-cb", "Reply", Back(25), ct);
            await StepAsync(repairs, "jyj-cb", new ServeStep(Back(24), ServiceMethod.Direct, "申请人当面签收。"), ct);

            var land = await RegisterAsync("mzj-cb", CivilAffairs, Channel.PostSigned, Back(60), "某小区地下车位产权登记的相关文件。", ct);
            await StepAsync(land, "mzj-cb", new AcceptStep(), ct);
            await StepAsync(land, "gkb", new DecideStep(DecisionType.NotHeld, Back(45), "经检索，本机关不掌握该信息；该信息由住房和城乡建设部门掌握。", "包头市昆都仑区住房和城乡建设局"), ct);
            await LetterAsync(land, "mzj-cb", "Reply", Back(45), ct);
            await StepAsync(land, "mzj-cb", new ServeStep(Back(44), ServiceMethod.Postal, "妥投信息已核对（演示）", "1000000000001"), ct);
            await StepAsync(land, "mzj-cb", new ArchiveStep(), ct);

            var clinic = await RegisterAsync("mzj-cb", Health, Channel.InPerson, Back(80), "某民营诊所2025年的药品采购合同及价格。", ct);
            await StepAsync(clinic, "mzj-cb", new AcceptStep(), ct);
            await StepAsync(clinic, "mzj-cb", new StartConsultationStep(PauseReason.ThirdPartyConsultation, "包头市某诊所（演示）", Back(75), Back(74)), ct);
            await LetterAsync(clinic, "mzj-cb", "ConsultationLetter", Back(75), ct, pause: 1);
            await StepAsync(clinic, "mzj-cb", new EndConsultationStep(Back(68), Opinion: "不同意公开，涉及商业秘密。"), ct);
            await StepAsync(clinic, "gkb", new DecideStep(DecisionType.WithheldThirdPartyRights, Back(62), "不予公开：涉及第三方商业秘密，第三方不同意公开。"), ct);
            await LetterAsync(clinic, "mzj-cb", "Reply", Back(62), ct);
            await StepAsync(clinic, "mzj-cb", new ServeStep(Back(61), ServiceMethod.Direct), ct);
            await StepAsync(clinic, "mzj-cb", new ArchiveStep(), ct);

            var meeting = await RegisterAsync("gkb", District, Channel.PostSigned, Back(90), "区政府会议关于那块地的内容。", ct);
            await StepAsync(meeting, "gkb", new RequestCorrectionStep(Back(88), Back(78), "请写明会议名称或时间、所涉地块的位置或名称。"), ct);
            await LetterAsync(meeting, "gkb", "CorrectionNotice", Back(88), ct);
            await StepAsync(meeting, "gkb", new LapseCorrectionStep(Back(77)), ct);
            await LetterAsync(meeting, "gkb", "Reply", Back(77), ct);
            await StepAsync(meeting, "gkb", new ServeStep(Back(77), ServiceMethod.Postal, "挂号信（演示）", "XA000000005CN"), ct);

            var complaint = await RegisterAsync("zt-cb", Zhaotan, Channel.InPerson, Back(100), "要求街道查处楼下餐馆油烟扰民问题并答复处理结果。", ct);
            await StepAsync(complaint, "zt-cb", new AcceptStep(), ct);
            await StepAsync(complaint, "zt-admin", new DecideStep(DecisionType.PetitionOrComplaint, Back(95), "属于投诉举报事项，不作为政府信息公开申请处理，已告知通过12345热线反映。"), ct);
            await LetterAsync(complaint, "zt-cb", "Reply", Back(95), ct);
            await StepAsync(complaint, "zt-cb", new ServeStep(Back(95), ServiceMethod.Direct), ct);

            var withdrawn = await RegisterAsync("jyj-cb", Education, Channel.Online, Back(35), "2025年区属幼儿园收费标准的核定文件。", ct);
            await StepAsync(withdrawn, "jyj-cb", new ConfirmReceiptStep(Back(35)), ct);
            await StepAsync(withdrawn, "jyj-cb", new AcceptStep(), ct);
            await StepAsync(withdrawn, "jyj-cb", new WithdrawStep(Back(30), "申请人来电表示已在区教育局网站查到，撤回申请。"), ct);
            await StepAsync(withdrawn, "jyj-cb", new ServeStep(Back(30), ServiceMethod.Electronic), ct);

            var published = await RegisterAsync("gkb", District, Channel.Online, Back(70), "昆都仑区2025年政府工作报告。", ct);
            await StepAsync(published, "gkb", new ConfirmReceiptStep(Back(69)), ct);
            await LetterAsync(published, "gkb", "Receipt", Back(69), ct);
            await StepAsync(published, "gkb", new DecideStep(DecisionType.AlreadyPublished, Back(67), "该信息已主动公开，可在区政府门户网站“政府工作报告”栏目查阅。"), ct);
            await LetterAsync(published, "gkb", "Reply", Back(67), ct);
            await StepAsync(published, "gkb", new ServeStep(Back(67), ServiceMethod.Electronic), ct);
            await StepAsync(published, "gkb", new ArchiveStep(), ct);

            // 更正申请 (第四十一条): not counted in the annual report's table 三.
            var name = await RegisterAsync("mzj-cb", CivilAffairs, Channel.InPerson, Back(50), "区民政局公示的2025年临时救助名单中本人姓名有误，请予更正。", ct, CaseType.RecordCorrection);
            await StepAsync(name, "mzj-cb", new AcceptStep(), ct);
            await StepAsync(name, "gkb", new DecideStep(DecisionType.RecordCorrected, Back(42), "经核实，已更正公示名单中的姓名。"), ct);
            await LetterAsync(name, "mzj-cb", "Reply", Back(42), ct);
            await StepAsync(name, "mzj-cb", new ServeStep(Back(41), ServiceMethod.Direct), ct);
            return _created.Count;
        }
        finally
        {
            staff.SetOperator(operatorName);
        }
    }

    /// <summary>The date <paramref name="workingDays"/> working days before today on the loaded calendar.</summary>
    private DateOnly Back(int workingDays) => Previous(_today, workingDays);

    private async Task<DemoCase> RegisterAsync(string user, string agency, Channel channel, DateOnly arrived, string description, CancellationToken ct, CaseType type = CaseType.InformationDisclosure)
    {
        var (applicant, id17, phone) = Applicants[_next++ % Applicants.Length];
        return await RegisterAsync(user, agency, new ApplicationInput
        {
            AgencyId = _agencies[agency],
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = applicant,
            IdDocumentType = IdDocumentType.ResidentIdCard,
            IdNumber = id17 + CheckDigit(id17),
            Phone = phone,
            Address = "包头市昆都仑区演示路 " + _next + " 号",
            PostalCode = "014010",
            Description = description,
            ProvisionForm = ProvisionForm.Paper,
            DeliveryMethod = channel is Channel.Online or Channel.Email ? DeliveryMethod.Post : DeliveryMethod.Collect,
            Channel = channel,
            Arrived = arrived,
            Type = type,
        }, ct);
    }

    private async Task<DemoCase> RegisterAsync(string user, string agency, ApplicationInput input, CancellationToken ct)
    {
        As(user, agency);
        var record = await register.ExecuteAsync(input, ct);
        _created.Add(new DemoCaseRef(record.Id, agency, record.Arrived));
        return new DemoCase(record.Id, agency) { Version = record.Version, Due = record.DueDate };
    }

    private async Task StepAsync(DemoCase c, string user, CaseStep step, CancellationToken ct)
    {
        As(user, c.Agency);
        var result = await perform.ExecuteAsync(c.Id, c.Version, step, null, ct);
        c.Version = result.Version;
        c.Due = result.Due;
    }

    /// <summary>
    /// Issues a letter on a demo case through <see cref="Letters.IssueLetter"/>, dated when it was made ("Reply" stands
    /// for the reply of the case's decision), and follows the case's new version.
    /// </summary>
    private async Task LetterAsync(DemoCase c, string user, string kind, DateOnly? on, CancellationToken ct, int? pause = null)
    {
        As(user, c.Agency);
        if (kind == "Reply")
        {
            kind = "Reply." + await db.Applications.Where(a => a.Id == c.Id).Select(a => a.Decision).SingleAsync(ct);
        }

        await issueLetter.ExecuteAsync(c.Id, c.Version, kind, pause, null, null, ct, on);
        c.Version = await db.Applications.Where(a => a.Id == c.Id).Select(a => a.Version).SingleAsync(ct);
    }

    /// <summary>Acts as the demo account, for the case's agency when it is a member of it, else for its own (the district office).</summary>
    private void As(string userName, string agency)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var acting = account.Agencies.Contains(agency) ? agency : account.Agencies[0];
        staff.SetStaff(_userIds[userName], userName, account.DisplayName, account.Roles, _agencies[acting], _tree);
    }

    private static char CheckDigit(string first17) => DemoHistory.IdCheckDigit(first17);

    private sealed class DemoCase(long id, string agency)
    {
        public long Id { get; } = id;

        public string Agency { get; } = agency;

        public int Version { get; set; }

        public DateOnly? Due { get; set; }
    }
}

/// <summary>An application created by the demo load: its id, receiving agency and arrival date.</summary>
public sealed record DemoCaseRef(long Id, string Agency, DateOnly Arrived);
