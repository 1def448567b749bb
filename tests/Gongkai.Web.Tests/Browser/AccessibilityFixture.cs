using Gongkai.Core.Cases;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Publishing;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// One browser and two servers for the accessibility tests. The seeded server has the demo agencies and, made through
/// the product's own use cases, a published 政策文件 with a PDF attachment, revised once, and its published 政策解读,
/// a withdrawn item, a published
/// annual report, an application just submitted online and one awaiting 补正. The empty server has nothing, for the
/// empty states. Four browser contexts: normal, and 适老化模式 switched on through its link target; and an applicant
/// registered through the portal, signed in, in each mode.
/// </summary>
public sealed class AccessibilityFixture : IAsyncLifetime
{
    public const string Education = "包头市昆都仑区教育局";
    private const string Clerk = "jyj-cb";
    private const string Reviewer = "jyj-sh";
    private const string Head = "jyj-fz";
    private const string Office = "gkb";

    private readonly BrowserFixture _browser = new();
    private IPage? _normalPage;
    private IPage? _carePage;
    private IPage? _applicantPage;
    private IPage? _applicantCarePage;

    public WebHost Seeded { get; private set; } = null!;

    public WebHost Empty { get; private set; } = null!;

    public IBrowserContext Normal { get; private set; } = null!;

    public IBrowserContext Care { get; private set; } = null!;

    /// <summary>An applicant signed in (registered through the portal), with two applications added to 我的申请.</summary>
    public IBrowserContext Applicant { get; private set; } = null!;

    /// <summary>The same applicant's session, in 适老化模式.</summary>
    public IBrowserContext ApplicantCare { get; private set; } = null!;

    public IBrowser Browser => _browser.Browser;

    /// <summary>Placeholders of the visited paths (<c>{item}</c>, <c>{interpretation}</c>, <c>{withdrawn}</c>, <c>{report}</c>, <c>{agency}</c>) and their values.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; private set; } = new Dictionary<string, string>();

    public (string Number, string Code) Submitted { get; private set; }

    public (string Number, string Code) AwaitingCorrection { get; private set; }

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        if (BrowserFixture.ChromiumPath is null)
        {
            return;
        }

        Seeded = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);
        Empty = await WebHost.StartAsync(demo: false);
        await SeedAsync();
        Normal = await NewContextAsync();
        Care = await NewContextAsync();
        await SwitchCareOnAsync(Care);
        Applicant = await NewContextAsync();
        await RegisterApplicantAsync(Applicant);
        ApplicantCare = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = await Applicant.StorageStateAsync(),
        });
        await SwitchCareOnAsync(ApplicantCare);
    }

    private async Task SwitchCareOnAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Seeded.Address, CareMode.SwitchPath + "?on=1&returnUrl=/").ToString());
        await page.CloseAsync();
    }

    /// <summary>Registers through the portal's form, then adds the two seeded applications with their query codes.</summary>
    private async Task RegisterApplicantAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/zhanghu/zhuce"));
        await page.Locator("#UserName").FillAsync("13912345678");
        await page.Locator("#DisplayName").FillAsync("王小明");
        await page.Locator("#Password").FillAsync("applicant-2026");
        await page.Locator("#ConfirmPassword").FillAsync("applicant-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册并登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Url("/zhanghu"));
        foreach (var (number, code) in new[] { Submitted, AwaitingCorrection })
        {
            await page.Locator("#caseNumber").FillAsync(number);
            await page.Locator("#queryCode").FillAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "加入我的申请", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        }

        await page.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (BrowserFixture.ChromiumPath is not null)
        {
            await Normal.CloseAsync();
            await Care.CloseAsync();
            await Applicant.CloseAsync();
            await ApplicantCare.CloseAsync();
            await Seeded.DisposeAsync();
            await Empty.DisposeAsync();
        }

        await _browser.DisposeAsync();
    }

    /// <summary>The one tab of each mode that the page checks reuse (a new tab per check costs more than the check).</summary>
    public async Task<IPage> PageAsync(bool care, bool applicant = false)
    {
        if (applicant)
        {
            return care ? _applicantCarePage ??= await ApplicantCare.NewPageAsync() : _applicantPage ??= await Applicant.NewPageAsync();
        }

        if (care)
        {
            return _carePage ??= await Care.NewPageAsync();
        }

        return _normalPage ??= await Normal.NewPageAsync();
    }

    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    /// <summary>The absolute address of a path on the seeded (or empty) server, its placeholders filled in.</summary>
    public string Url(string path, bool empty = false)
    {
        foreach (var (token, value) in Tokens)
        {
            path = path.Replace(token, value, StringComparison.Ordinal);
        }

        return new Uri((empty ? Empty : Seeded).Address, path).ToString();
    }

    private async Task SeedAsync()
    {
        var agency = await QueryAsync(db => db.Agencies.Where(a => a.Name == Education).Select(a => a.Id).SingleAsync());
        var plan = CatalogueRows.SampleInput(agency) with
        {
            Title = "昆都仑区2026年秋季学期义务教育阶段学校招生工作方案",
            Summary = "2026年秋季学期义务教育阶段招生的范围、时间和程序。",
            Body = "为做好我区义务教育阶段学校招生工作，现将有关事项通知如下。\n一、招生范围\n二、报名时间\n三、工作要求",
        };
        var document = await PublishItemAsync(plan, withAttachment: true);

        // A second version, so that the page has its history and the first version its own page.
        await AsStaff<ReviseCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(document, await ItemVersionAsync(document), "更正报名时间。"));
        await AsStaff<UpdateCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(document, await ItemVersionAsync(document), plan with { Body = plan.Body + "\n报名时间更正为12月1日至12月5日。", Changed = new DateOnly(2026, 11, 27) }));
        await ReviewAndPublishAsync(document);

        var withdrawn = await PublishItemAsync(CatalogueRows.SampleInput(agency) with { Title = "关于暂停校外培训机构审批的通知", Summary = "暂停审批。", Body = "即日起暂停审批。" }, withAttachment: false);
        await AsStaff<WithdrawCatalogueItem, int>(Head, async u => await u.ExecuteAsync(withdrawn, await ItemVersionAsync(withdrawn), "内容有误，已重新发布。"));
        var interpretation = await PublishItemAsync(CatalogueRows.SampleInput(agency) with
        {
            Kind = ItemKind.Interpretation,
            Title = "《昆都仑区2026年秋季学期义务教育阶段学校招生工作方案》政策解读",
            Summary = "从制定背景、主要内容和实施时间等方面解读招生工作方案。",
            Body = "一、制定背景\n二、主要内容\n三、实施时间",
            Interprets = [document],
        }, withAttachment: false);

        var report = await AsOperator<OpenAnnualReport, int>(u => u.ExecuteAsync(agency, 2025));
        var version = await QueryAsync(db => db.AnnualReports.Where(r => r.Id == report).Select(r => r.Version).SingleAsync());
        version = await AsOperator<SaveAnnualReportDraft, int>(u => u.ExecuteAsync(report, new ReportText(null, "（一）主动公开情况\n本机关主动公开了招生入学政策。", "（一）存在的主要问题\n政策解读还不够通俗。", "未收取信息处理费。"), version));
        version = await AsOperator<SubmitAnnualReport, int>(u => u.ExecuteAsync(report, version));
        version = await AsOperator<AcceptAnnualReport, int>(u => u.ExecuteAsync(report, null, version));
        await AsOperator<PublishAnnualReport, int>(u => u.ExecuteAsync(report, version, new DateOnly(2026, 1, 20)));

        var submitted = await ApplyAsync(agency, "2026年秋季学期义务教育阶段学校招生划片范围的文件");
        Submitted = (submitted.Application.CaseNumber, submitted.QueryCode);
        var correction = await ApplyAsync(agency, "学校的文件");
        AwaitingCorrection = (correction.Application.CaseNumber, correction.QueryCode);
        var today = new DateOnly(2026, 11, 27);
        await StepAsync(correction.Application.Id, new ConfirmReceiptStep(today));
        await StepAsync(correction.Application.Id, new RequestCorrectionStep(today, today.AddDays(14), "请写明所需文件的名称或发文年份，以及涉及的学校。"));

        Tokens = new Dictionary<string, string>
        {
            ["{item}"] = document.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{interpretation}"] = interpretation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{withdrawn}"] = withdrawn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{report}"] = report.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{agency}"] = agency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>起草 → (附件) → 提交 → 初审、复审、终审 → three rounds of 校对 → 发布, each step by its own person.</summary>
    private async Task<int> PublishItemAsync(CatalogueItemInput input, bool withAttachment)
    {
        var id = await AsStaff<CreateCatalogueItem, int>(Clerk, u => u.ExecuteAsync(input));
        if (withAttachment)
        {
            var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
            await AsStaff<AddCatalogueAttachment, int>(Clerk, async u => await u.ExecuteAsync(id, await ItemVersionAsync(id), new UploadedFile("招生工作方案.pdf", "application/pdf", new MemoryStream(pdf))));
        }

        await ReviewAndPublishAsync(id);
        return id;
    }

    private async Task ReviewAndPublishAsync(int id)
    {
        await AsStaff<SubmitCatalogueItem, SubmitResult>(Clerk, async u => await u.ExecuteAsync(id, await ItemVersionAsync(id)));
        await ReviewAsync(id, Reviewer, ItemStage.FirstReview);
        await ReviewAsync(id, Head, ItemStage.SecondReview);
        await ReviewAsync(id, Office, ItemStage.FinalReview);
        for (var round = 1; round <= ReviewWorkflow.DefaultProofreadingRounds; round++)
        {
            await ReviewAsync(id, Clerk, ItemStage.Proofreading);
        }

        await AsStaff<PublishCatalogueItem, int>(Head, async u => await u.ExecuteAsync(id, await ItemVersionAsync(id)));
    }

    private Task<int> ReviewAsync(int id, string user, ItemStage stage) =>
        AsStaff<ReviewCatalogueItem, int>(user, async u => await u.ExecuteAsync(id, await ItemVersionAsync(id), stage, approve: true, comment: null));

    private Task<int> ItemVersionAsync(int id) => QueryAsync(db => db.CatalogueItems.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());

    private async Task<IntakeResult> ApplyAsync(int agency, string description)
    {
        await using var scope = Seeded.App.Services.CreateAsyncScope();
        var input = new ApplicationInput
        {
            AgencyId = agency,
            Type = CaseType.InformationDisclosure,
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = "王小明",
            IdDocumentType = IdDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13912345678",
            Description = description,
            ProvisionForm = ProvisionForm.Paper,
            DeliveryMethod = DeliveryMethod.Collect,
        };
        return await scope.ServiceProvider.GetRequiredService<SubmitApplication>().ExecuteAsync(input, [], null);
    }

    private async Task StepAsync(long id, CaseStep step)
    {
        var version = await QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        await AsStaff<PerformCaseStep, CaseStepResult>(Clerk, u => u.ExecuteAsync(id, version, step));
    }

    private Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query) => Seeded.QueryAsync(query);

    private Task<T> AsOperator<TUseCase, T>(Func<TUseCase, Task<T>> work)
        where TUseCase : notnull => Seeded.AsOperatorAsync(work);

    /// <summary>One unit of work as the demo account <paramref name="userName"/>, acting for its first agency, as a signed-in request would.</summary>
    private async Task<T> AsStaff<TUseCase, T>(string userName, Func<TUseCase, Task<T>> work)
        where TUseCase : notnull
    {
        await using var scope = Seeded.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
        var acting = await db.AgencyMemberships.Where(m => m.UserId == user.Id).Select(m => m.AgencyId).OrderBy(a => a).FirstAsync();
        var tree = await AgencyTree.LoadAsync(db);
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetStaff(user.Id, userName, user.DisplayName, roles, acting, tree);
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }
}
