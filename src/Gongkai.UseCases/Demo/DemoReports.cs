using Gongkai.Data;
using Gongkai.Data.Reports;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// The demo's annual reports, written and moved through the workflow with the real use cases: the district
/// government's reports on 2023, 2024 and 2025 (tables computed from its past years; table 二 and the narrative's
/// figures entered as the sample report prints them for 2024, and as plausible demo figures for 2023 and 2025),
/// published; and the 2025 reports of a few departments in every state of the workflow, so that the 政务公开办's
/// board shows submitted, returned, published, late and not started units.
/// </summary>
public sealed class DemoReports(
    GongkaiDbContext db,
    StaffContext staff,
    AgencyClock clock,
    SaveReportFigures saveFigures,
    Publishing.RegisterNormativeDocument registerDocument,
    Publishing.ChangeNormativeDocument changeDocument,
    OpenAnnualReport open,
    SaveAnnualReportDraft save,
    SubmitAnnualReport submit,
    ReturnAnnualReport returnReport,
    AcceptAnnualReport accept,
    PublishAnnualReport publish)
{
    private const string Education = "包头市昆都仑区教育局";
    private const string CivilAffairs = "包头市昆都仑区民政局";
    private const string Zhaotan = "包头市昆都仑区沼潭街道办事处";

    /// <summary>
    /// The district government's 行政规范性文件 (文号, title, 印发 date, 废止 date): the register gives table 二 （一） — 2023:
    /// 2 issued, 5 in force; 2024: 4 issued, 1 repealed, 8 in force (as the sample report prints); 2025: 3 issued, 2
    /// repealed, 9 in force. No 规章 (a district government makes none). Titles are made up for the demo.
    /// </summary>
    public static IReadOnlyList<(string Number, string Title, DateOnly Issued, DateOnly? Repealed)> DistrictRegister { get; } =
    [
        ("昆政发〔2021〕5号", "包头市昆都仑区人民政府关于印发《昆都仑区城市道路挖掘管理办法》的通知", new(2021, 3, 15), new(2024, 6, 20)),
        ("昆政办发〔2021〕12号", "包头市昆都仑区人民政府办公室关于印发《昆都仑区农村集体资产管理办法》的通知", new(2021, 9, 8), new(2025, 4, 10)),
        ("昆政发〔2022〕8号", "包头市昆都仑区人民政府关于印发《昆都仑区城镇老旧小区改造实施办法》的通知", new(2022, 5, 26), new(2025, 11, 3)),
        ("昆政发〔2023〕3号", "包头市昆都仑区人民政府关于印发《昆都仑区政府投资项目管理办法》的通知", new(2023, 2, 17), null),
        ("昆政办发〔2023〕21号", "包头市昆都仑区人民政府办公室关于印发《昆都仑区临时救助实施细则》的通知", new(2023, 10, 12), null),
        ("昆政发〔2024〕2号", "包头市昆都仑区人民政府关于印发《昆都仑区城市道路挖掘管理办法》的通知", new(2024, 6, 20), null),
        ("昆政发〔2024〕6号", "包头市昆都仑区人民政府关于印发《昆都仑区居家养老服务补贴管理办法》的通知", new(2024, 8, 5), null),
        ("昆政办发〔2024〕15号", "包头市昆都仑区人民政府办公室关于印发《昆都仑区义务教育阶段学校招生入学工作实施办法》的通知", new(2024, 9, 2), null),
        ("昆政办发〔2024〕27号", "包头市昆都仑区人民政府办公室关于印发《昆都仑区稳岗就业补贴资金管理办法》的通知", new(2024, 11, 18), null),
        ("昆政发〔2025〕4号", "包头市昆都仑区人民政府关于印发《昆都仑区农村集体资产管理办法》的通知", new(2025, 4, 10), null),
        ("昆政办发〔2025〕9号", "包头市昆都仑区人民政府办公室关于印发《昆都仑区城镇老旧小区改造实施办法》的通知", new(2025, 11, 3), null),
        ("昆政办发〔2025〕18号", "包头市昆都仑区人民政府办公室关于印发《昆都仑区公共租赁住房管理办法》的通知", new(2025, 12, 15), null),
    ];

    /// <summary>Table 二 and the narrative's figures of the district government, by year (2024: as the sample report prints them).</summary>
    public static IReadOnlyDictionary<int, ReportFiguresInput> DistrictFigures { get; } = new Dictionary<int, ReportFiguresInput>
    {
        [2023] = new()
        {
            AdministrativeLicensing = "58412",
            AdministrativePenalty = "7926",
            AdministrativeCoercion = "21",
            AdministrativeFees = "1987.405",
            ItemsPublished = "3655",
            KeyAreaItems = "276",
            PolicyInterpretations = "27",
            NewMediaAccounts = "41",
        },
        [2024] = new()
        {
            AdministrativeLicensing = "61950",
            AdministrativePenalty = "8495",
            AdministrativeCoercion = "17",
            AdministrativeFees = "2096.132",
            ItemsPublished = "3918",
            KeyAreaItems = "293",
            PolicyInterpretations = "30",
            NewMediaAccounts = "43",
        },
        [2025] = new()
        {
            AdministrativeLicensing = "63207",
            AdministrativePenalty = "8131",
            AdministrativeCoercion = "14",
            AdministrativeFees = "2150.87",
            ItemsPublished = "4102",
            KeyAreaItems = "318",
            PolicyInterpretations = "33",
            NewMediaAccounts = "43",
        },
    };

    private static readonly Dictionary<int, string[]> DistrictParagraphs = new()
    {
        [2023] =
        [
            "全区围绕财政预决算、重大建设项目、公共资源配置和社会公益事业等重点领域，按季度梳理公开目录，对政府门户网站“政府信息公开”专栏进行了一次全面清理，补充完善了机构职能、领导分工等基础信息。",
            "修订了政府信息公开申请办理工作规程，明确登记、审查、答复、送达、归档各环节的时限和责任人，开展了一次依申请公开案卷质量评查。",
            "落实政府信息发布审核制度，对拟公开信息逐条进行保密审查和个人信息保护审查，年内组织了两轮历史信息清理。",
            "推进政府网站集约化，完成门户网站适老化和无障碍改造的第一阶段工作；对政务新媒体账号开展常态化巡查。",
            "将政务公开工作纳入年度绩效考核，开展一次全区政务公开业务培训，全年未发生因政府信息公开工作引发的责任追究。",
        ],
        [2024] =
        [
            "及时规范公开机关简介、计划规划、财政预决算、建议提案办理等基础信息，针对义务教育、就业创业、养老服务等重点领域信息设置专题，做到应公开尽公开。",
            "进一步规范申请登记、审查、办理、答复、归档流程，强化部门之间的协调联动，加强与申请人的沟通，更好满足企业群众的个性化信息需求。",
            "完善政府信息公开相关制度，明确公开的范围、流程和责任主体；每周检查网站空白栏目、互动交流和政务新媒体的更新情况，确保发布信息及时规范。",
            "以区政府门户网站为第一平台，拓展智能问答、知识库、适老化和无障碍等功能；依托区级公众号汇聚各部门、各街镇政务新媒体，形成账号矩阵。",
            "将政府信息公开纳入年度目标绩效考核，每季度通报政府网站和政务新媒体检查情况，严格执行信息发布“三审三校”制度。",
        ],
        [2025] =
        [
            "以政策文件库为抓手，集中公开现行有效的行政规范性文件并标注有效性；对涉企政策开展“政策找企业”式主动推送，提高政策的知晓度。",
            "依申请公开答复书全部使用统一文书模板，注明法律依据和救济途径；对答复前的法律审核实行全覆盖，办理质效进一步提升。",
            "建立信息公开属性源头认定机制，公文在拟制时即确定公开属性；对不予公开的信息逐件说明理由，年内复核公开属性变更文件若干件。",
            "完成门户网站适老化和无障碍改造，上线政务公开专区的智能检索；对政务新媒体实行开设、变更、关停备案管理，关停长期不更新账号。",
            "开展政务公开第三方评估，评估结果纳入部门年度考核；组织全区政务公开工作人员专题培训两期，编印业务手册。",
        ],
    };

    private static readonly Dictionary<int, string> DistrictProblems = new()
    {
        [2023] = "（一）存在的主要问题\n一是部分部门对主动公开目录的维护不够及时；二是依申请公开答复文书的规范性有待提高。\n（二）改进情况\n下一步将建立公开目录季度更新提醒，组织答复文书示范文本的学习，逐件审核答复书的法律依据和救济途径。",
        [2024] = "（一）存在的主要问题\n一是政策解读形式较为单一，图解、视频等解读偏少；二是个别街镇政务新媒体更新频率不高。\n（二）改进情况\n针对上年指出的目录维护问题，已建立季度提醒机制。下一步将丰富政策解读形式，推行“一文一解读”，并对政务新媒体实行月度通报。",
        [2025] = "（一）存在的主要问题\n一是基层政务公开标准化规范化建设仍不平衡；二是公众参与重大行政决策的渠道有待拓宽。\n（二）改进情况\n上年提出的政策解读形式问题，已通过图解和短视频解读加以改进。下一步将推进基层公开目录统一编制，健全重大行政决策预公开和意见反馈机制。",
    };

    private static readonly Dictionary<int, string> DistrictOther = new()
    {
        [2023] = "全年办理人大代表建议、政协委员提案的结果均已在门户网站公开；按照上级年度政务公开工作要点，制定本区任务分工方案并逐项推进。",
        [2024] = "落实年度政务公开工作要点，重点推进基层政务公开标准目录的动态调整；建议提案办理复文全文公开，接受社会监督。",
        [2025] = "创新开展“政务公开日”活动，邀请居民代表走进区政务服务中心，面对面解读惠民政策；建议提案办理结果继续全文公开。",
    };

    /// <summary>
    /// Registers the district government's 行政规范性文件 (before the catalogue, whose items link to them); acts as the
    /// 政务公开办, and leaves <see cref="StaffContext"/> to the caller.
    /// </summary>
    public async Task RegisterDocumentsAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var (district, As) = await ActorsAsync(ct);
        As("gkb", DemoAgencies.DistrictGovernment);
        foreach (var (number, title, issued, repealed) in DistrictRegister.Where(d => d.Issued <= today))
        {
            var doc = await registerDocument.ExecuteAsync(new Publishing.NormativeDocumentInput { AgencyId = district, Kind = Core.Publishing.NormativeDocumentKind.NormativeDocument, Title = title, DocumentNumber = number, Issued = issued, Effective = issued.AddDays(30) }, null, ct);
            if (repealed is { } on && on <= today)
            {
                var replacement = DistrictRegister.FirstOrDefault(d => d.Issued == on).Number;
                await changeDocument.ExecuteAsync(doc, 1, new Publishing.RepealDocument(on, replacement), null, ct);
            }
        }
    }

    /// <summary>Writes the reports (after <see cref="RegisterDocumentsAsync"/>); acts as the demo accounts, and leaves <see cref="StaffContext"/> to the caller.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        var (district, As) = await ActorsAsync(ct);
        DateOnly? On(int year, int month, int day)
        {
            var date = new DateOnly(year, month, day);
            return date <= today ? date : null;
        }

        foreach (var (year, figures) in DistrictFigures)
        {
            await saveFigures.ExecuteAsync(district, year, figures, 0, ct);
        }

        foreach (var year in DemoHistory.Years.Where(y => y < today.Year))
        {
            var publishOn = On(year + 1, 3, year == 2024 ? 25 : 20);
            As("gkb", DemoAgencies.DistrictGovernment);
            var id = await open.ExecuteAsync(district, year, ct);
            await save.ExecuteAsync(id, DistrictText(id), await VersionAsync(id, ct), ct);
            if (publishOn is null)
            {
                continue;
            }

            var version = await submit.ExecuteAsync(id, await VersionAsync(id, ct), null, ct);
            version = await accept.ExecuteAsync(id, "同意发布。", version, null, ct);
            await publish.ExecuteAsync(id, version, publishOn, null, ct);
        }

        if (today.Year <= 2025)
        {
            return;
        }

        // 教育局: submitted, returned with a comment, corrected and published on time.
        As("jyj-cb", Education);
        var education = await WriteAsync(agencies[Education], 2025, Department("区教育局", "义务教育招生入学政策、学区划分、教育收费和学生资助"), ct);
        var v = await submit.ExecuteAsync(education, await VersionAsync(education, ct), null, ct);
        As("gkb", DemoAgencies.DistrictGovernment);
        v = await returnReport.ExecuteAsync(education, "“五、存在的主要问题及改进情况”请补充上一年度问题的整改情况。", v, null, ct);
        As("jyj-cb", Education);
        var text = Department("区教育局", "义务教育招生入学政策、学区划分、教育收费和学生资助");
        v = await save.ExecuteAsync(education, text with { Problems = text.Problems + "\n上年报告指出的招生政策解读不够通俗的问题，已通过问答和图解方式改进。" }, v, ct);
        v = await submit.ExecuteAsync(education, v, null, ct);
        As("gkb", DemoAgencies.DistrictGovernment);
        v = await accept.ExecuteAsync(education, null, v, null, ct);
        await publish.ExecuteAsync(education, v, On(2026, 1, 23), null, ct);

        // 民政局: published after the deadline.
        As("mzj-cb", CivilAffairs);
        var civil = await WriteAsync(agencies[CivilAffairs], 2025, Department("区民政局", "城乡低保、特困供养、临时救助和养老服务补贴"), ct);
        v = await submit.ExecuteAsync(civil, await VersionAsync(civil, ct), null, ct);
        As("gkb", DemoAgencies.DistrictGovernment);
        v = await accept.ExecuteAsync(civil, null, v, null, ct);
        await publish.ExecuteAsync(civil, v, On(2026, 2, 9), null, ct);

        // 沼潭街道: still a draft (late); 卫健委: submitted, waiting for the office.
        As("zt-cb", Zhaotan);
        await WriteAsync(agencies[Zhaotan], 2025, Department("沼潭街道办事处", "辖区民生政策、社区事务和便民服务"), ct);
        As("mzj-cb", "包头市昆都仑区卫生健康委员会");
        var health = await WriteAsync(agencies["包头市昆都仑区卫生健康委员会"], 2025, Department("区卫健委", "医疗机构执业信息、公共卫生服务和疫苗接种"), ct);
        await submit.ExecuteAsync(health, await VersionAsync(health, ct), null, ct);
    }

    /// <summary>The district government's id and a way to act as a demo account for an agency.</summary>
    private async Task<(int District, Action<string, string> As)> ActorsAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var tree = await AgencyTree.LoadAsync(db, ct);
        void As(string user, string agency)
        {
            var account = DemoAccounts.All.Single(a => a.UserName == user);
            staff.SetStaff(users[user], user, account.DisplayName, account.Roles, agencies[agency], tree);
        }

        return (agencies[DemoAgencies.DistrictGovernment], As);
    }

    private async Task<int> WriteAsync(int agencyId, int year, ReportText text, CancellationToken ct)
    {
        var id = await open.ExecuteAsync(agencyId, year, ct);
        await save.ExecuteAsync(id, text, await VersionAsync(id, ct), ct);
        return id;
    }

    private Task<int> VersionAsync(int id, CancellationToken ct) => db.AnnualReports.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);

    /// <summary>The district's text of a year: the drafted sentences with the figures, completed with the year's own paragraphs.</summary>
    private ReportText DistrictText(int id)
    {
        var record = db.AnnualReports.AsNoTracking().Single(r => r.Id == id);
        var year = record.Year;
        var drafted = Core.Reports.ReportJson.Read(record.Content).Sections;
        var p = DistrictParagraphs[year];
        var lines = drafted["一"].Split('\n');
        var filled = new List<string>();
        var next = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith('（') && filled.Count > 0 && next < p.Length)
            {
                filled.Add(p[next++]);
            }

            if (line.Length > 0)
            {
                filled.Add(line);
            }
        }

        filled.Add(p[next]);
        return new ReportText(record.Introduction, string.Join('\n', filled), DistrictProblems[year], drafted["六"] + "\n" + DistrictOther[year]);
    }

    private static ReportText Department(string name, string topics) => new(
        null,
        $"（一）主动公开情况\n{name}围绕{topics}等方面主动公开政府信息，及时更新机构职能、政策文件和办事指南。\n（二）依申请公开情况\n2025年，{name}新收政府信息公开申请0件，上年结转0件，0件结转下年度继续办理。\n（三）政府信息管理情况\n落实公开属性源头认定和发布前审核。\n（四）政府信息公开平台建设情况\n依托区政府门户网站部门专栏发布信息。\n（五）监督保障情况\n明确分管领导和工作人员，接受区政务公开办的监督检查。",
        $"（一）存在的主要问题\n{name}政策解读的针对性还不够强。\n（二）改进情况\n下一步将围绕群众关心的{topics}问题，增加问答式解读。",
        $"2025年，{name}未收取信息处理费。");
}
