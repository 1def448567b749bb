using System.Reflection;
using Gongkai.Core.Cases;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Notifications;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongkai.UseCases.Tests.Audit;

public abstract class AuditTests(DatabaseProvider provider) : DemoWorld(provider)
{
    /// <summary>Every use case of the platform, found the way they are registered: public classes with ExecuteAsync.</summary>
    public static IReadOnlyList<Type> AllUseCases() =>
        typeof(UseCasesServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.GetMethods().Any(m => m.Name == "ExecuteAsync" && m.DeclaringType == t))
            .OrderBy(t => t.Name)
            .ToList();

    [ProviderFact]
    public async Task Every_use_case_declares_whether_it_changes_data()
    {
        var undeclared = AllUseCases().Where(t => t.GetCustomAttribute<AuditActionAttribute>() is null && t.GetCustomAttribute<ReadOnlyUseCaseAttribute>() is null).Select(t => t.Name).ToList();
        Assert.True(undeclared.Count == 0, "Use cases without [AuditAction] or [ReadOnlyUseCase]: " + string.Join(", ", undeclared));
        await Task.CompletedTask;
    }

    [ProviderFact]
    public async Task Every_table_is_audited_or_named_as_not_audited_with_a_reason()
    {
        var types = await QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(t => t.ClrType).Distinct().ToList()));
        var unaccounted = types.Where(t => !AuditInterceptor.AuditedEntities.ContainsKey(t) && !AuditInterceptor.NotAudited.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(unaccounted.Count == 0, "Entity types neither audited nor listed in AuditInterceptor.NotAudited: " + string.Join(", ", unaccounted));
    }

    [ProviderFact]
    public async Task Every_mutating_use_case_writes_audit_history_under_its_own_name()
    {
        var scenarios = Scenarios();
        var mutating = AllUseCases().Where(t => t.GetCustomAttribute<AuditActionAttribute>() is not null).ToList();
        var missing = mutating.Where(t => !scenarios.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "Add an audit scenario for: " + string.Join(", ", missing));

        foreach (var (type, scenario) in scenarios)
        {
            var name = type.GetCustomAttribute<AuditActionAttribute>()!.Name;
            var before = scenario is null ? 0 : await QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == name || e.Action.StartsWith(name + "：")));
            if (scenario is not null)
            {
                await scenario();
            }

            var after = await QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == name || e.Action.StartsWith(name + "：")));
            Assert.True(after > before, $"{type.Name} ({name}) wrote no audit entry");
        }

        Assert.False(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "未命名操作")), "a change was saved outside any use case");
    }

    [ProviderFact]
    public async Task An_entry_records_who_for_which_agency_and_the_changed_values_before_and_after()
    {
        var education = await AgencyIdAsync("包头市昆都仑区教育局");
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var record = await QueryAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == education));
        await AsStaff<UpdateAgency, bool>("admin", async u =>
        {
            await u.ExecuteAsync(education, AgencyInput.From(record) with { OfficePhone = "0472-5990381" }, record.Version);
            return true;
        });

        var entry = await QueryAsync(db => db.AuditEntries.Where(e => e.Action == "修改机构").OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("admin", entry.Actor);
        Assert.Equal(district, entry.ActingAgencyId);
        Assert.Equal("机构", entry.EntityType);
        Assert.Equal(education.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("修改", entry.Operation);
        Assert.Equal("""{"OfficePhone":"","Version":1}""", entry.Before);
        Assert.Equal("""{"OfficePhone":"0472-5990381","Version":2}""", entry.After);
        Assert.Equal(Database.Clock.GetUtcNow(), entry.At);
    }

    [ProviderFact]
    public async Task Secrets_are_never_copied_into_the_history()
    {
        var entries = await QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "账号").ToListAsync());
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.DoesNotContain("AQAAAA", e.After ?? string.Empty, StringComparison.Ordinal)); // Identity's password hash prefix
        Assert.Contains(entries, e => (e.After ?? string.Empty).Contains("\"PasswordHash\":\"（不记录）\"", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task A_raw_sql_update_or_delete_of_an_audit_row_is_rejected_by_the_database()
    {
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync()));
        var update = await Record.ExceptionAsync(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Actor\" = 'forged'")));
        Assert.NotNull(update);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Record.ExceptionAsync(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries")));
        Assert.NotNull(delete);
        var history = await Record.ExceptionAsync(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM calendar_changes")));
        Assert.NotNull(history);
        Assert.False(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == "forged")));
    }

    [ProviderFact]
    public async Task A_failed_save_writes_no_audit_entry()
    {
        var before = await QueryAsync(db => db.AuditEntries.CountAsync());
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        await Assert.ThrowsAnyAsync<Exception>(() => AsStaff<CreateAgency, int>("admin", u => u.ExecuteAsync(new AgencyInput { Name = "包头市昆都仑区教育局", ShortName = "重复", ParentId = district })));
        Assert.Equal(before, await QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>A 行政复议 against 区教育局 about proactive disclosure (no application).</summary>
    private async Task<ReviewCaseResult> RegisterReviewAsync(string number)
    {
        var education = await AgencyIdAsync("包头市昆都仑区教育局");
        return await AsStaff<RegisterReviewCase, ReviewCaseResult>("jyj-cb", u => u.ExecuteAsync(new ReviewCaseInput
        {
            AgencyId = education,
            Kind = ReviewKind.AdministrativeReview,
            ExternalNumber = number,
            Body = DemoAgencies.DistrictGovernment,
            Filed = new DateOnly(2026, 11, 2),
        }));
    }

    /// <summary>An application at 区教育局, decided 予以公开, with its reply letter issued; returns the letter.</summary>
    private static readonly UseCases.Reports.ReportText AuditReportText = new(null, "（一）主动公开情况\n公开了信息。", "（一）存在的主要问题\n无。", "未收取信息处理费。");

    /// <summary>Drives the agency's 2025 report as the operator to <paramref name="status"/>; returns its id.</summary>
    private async Task<int> ReportAtAsync(string agency, Data.Reports.AnnualReportStatus status)
    {
        var agencyId = await AgencyIdAsync(agency);
        var id = await UseCase<UseCases.Reports.OpenAnnualReport, int>(u => u.ExecuteAsync(agencyId, 2025));
        Task<int> Version() => QueryAsync(db => db.AnnualReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        if (status == Data.Reports.AnnualReportStatus.Draft)
        {
            return id;
        }

        var v = await UseCase<UseCases.Reports.SaveAnnualReportDraft, int>(async u => await u.ExecuteAsync(id, AuditReportText, await Version()));
        v = await UseCase<UseCases.Reports.SubmitAnnualReport, int>(u => u.ExecuteAsync(id, v));
        if (status == Data.Reports.AnnualReportStatus.Submitted)
        {
            return id;
        }

        v = await UseCase<UseCases.Reports.AcceptAnnualReport, int>(u => u.ExecuteAsync(id, null, v));
        if (status == Data.Reports.AnnualReportStatus.Published)
        {
            await UseCase<UseCases.Reports.PublishAnnualReport, int>(u => u.ExecuteAsync(id, v, new DateOnly(2026, 1, 20)));
        }

        return id;
    }

    private async Task ReportStepAsync<T>(string agency, Data.Reports.AnnualReportStatus status, Func<T, int, int, Task<int>> step)
        where T : notnull
    {
        var id = await ReportAtAsync(agency, status);
        var version = await QueryAsync(db => db.AnnualReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        await UseCase<T, int>(u => step(u, id, version));
    }

    private async Task<Letters.IssuedLetter> LetterAsync()
    {
        var education = await AgencyIdAsync("包头市昆都仑区教育局");
        var intake = await AsStaff<RegisterApplication, IntakeResult>("jyj-cb", u => u.ExecuteAsync(
            new ApplicationInput { AgencyId = education, Arrived = new DateOnly(2026, 11, 27), ApplicantName = "文书场景", IdDocumentType = IdDocumentType.Passport, IdNumber = "E11112222", Phone = "13900001111", Description = "某文件" }, [], null));
        var id = intake.Application.Id;
        var v = await AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(id, intake.Application.Version, new AcceptStep()));
        v = await AsStaff<PerformCaseStep, CaseStepResult>("jyj-fz", u => u.ExecuteAsync(id, v.Version, new DecideStep(DecisionType.Disclosed, new DateOnly(2026, 11, 27), "予以公开。")));
        return await AsStaff<Letters.IssueLetter, Letters.IssuedLetter>("jyj-cb", u => u.ExecuteAsync(id, v.Version, "Reply.Disclosed"));
    }

    /// <summary>A catalogue item of 教育局 drafted by its clerk; with <paramref name="ready"/> taken through review and proofreading.</summary>
    private async Task<(int Id, int Version)> CatalogueItemAsync(bool ready = false)
    {
        var input = new UseCases.Publishing.CatalogueItemInput { AgencyId = await AgencyIdAsync("包头市昆都仑区教育局"), Title = "审计场景信息", Body = "正文。", Formed = new DateOnly(2026, 11, 20), Article20Item = 2 };
        var id = await AsStaff<UseCases.Publishing.CreateCatalogueItem, int>("jyj-cb", u => u.ExecuteAsync(input));
        var version = 1;
        if (ready)
        {
            version = (await AsStaff<UseCases.Publishing.SubmitCatalogueItem, UseCases.Publishing.SubmitResult>("jyj-cb", u => u.ExecuteAsync(id, version))).Version;
            foreach (var (user, stage) in new[] { ("jyj-sh", Core.Publishing.ItemStage.FirstReview), ("jyj-fz", Core.Publishing.ItemStage.SecondReview), ("gkb", Core.Publishing.ItemStage.FinalReview), ("jyj-cb", Core.Publishing.ItemStage.Proofreading), ("jyj-cb", Core.Publishing.ItemStage.Proofreading), ("jyj-cb", Core.Publishing.ItemStage.Proofreading) })
            {
                var v = version;
                version = await AsStaff<UseCases.Publishing.ReviewCatalogueItem, int>(user, u => u.ExecuteAsync(id, v, stage, true, null));
            }
        }

        return (id, version);
    }

    private async Task<(int Id, int Version)> PublishedItemAsync()
    {
        var (id, version) = await CatalogueItemAsync(ready: true);
        return (id, await AsStaff<UseCases.Publishing.PublishCatalogueItem, int>("jyj-fz", u => u.ExecuteAsync(id, version)));
    }

    private static UseCases.Portal.SiteErrorReportInput SiteErrorReport() =>
        new() { PageUrl = "/Xinxi", Category = Data.Portal.SiteErrorCategory.Typo, Description = "第三段的“公开指南”有错别字。" };

    private static UploadedFile Pdf() => new("文件.pdf", "application/pdf", new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray()));

    /// <summary>How to run each mutating use case once; null where the test database's setup already ran it.</summary>
    private Dictionary<Type, Func<Task>?> Scenarios()
    {
        async Task<int> District() => await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        return new Dictionary<Type, Func<Task>?>
        {
            // Written while the test database was prepared (migration seeds the calendar; the demo is loaded).
            [typeof(MigrateDatabase)] = null,
            [typeof(LoadDemoData)] = null,
            [typeof(ImportCalendarYear)] = () => AsStaff<ImportCalendarYear, CalendarImportResult>("admin", u => u.ExecuteAsync("""{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "2027.json")),
            [typeof(CreateAgency)] = async () => await AsStaff<CreateAgency, int>("admin", async u => await u.ExecuteAsync(new AgencyInput { Name = "审计场景机构", ShortName = "场景", ParentId = await District() })),
            [typeof(UpdateAgency)] = async () =>
            {
                var id = await AgencyIdAsync("包头市昆都仑区司法局");
                var r = await QueryAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == id));
                await AsStaff<UpdateAgency, bool>("admin", async u =>
                {
                    await u.ExecuteAsync(id, AgencyInput.From(r) with { OfficeHours = "工作日 9:00-17:00" }, r.Version);
                    return true;
                });
            },
            [typeof(ImportAgencies)] = async () =>
            {
                using var sheet = new MemoryStream();
                sheet.SaveAs(new[] { new Dictionary<string, object> { ["机构名称"] = "导入场景机构", ["简称"] = "导入", ["机构类型"] = "部门", ["上级机关"] = DemoAgencies.DistrictGovernment } });
                sheet.Position = 0;
                await AsStaff<ImportAgencies, int>("admin", u => u.ExecuteAsync(sheet));
            },
            [typeof(CreateAccount)] = async () => await AsStaff<CreateAccount, CreatedAccount>("admin", async u => await u.ExecuteAsync(new AccountInput("audit-new", "新账号", [Data.Accounts.Roles.Clerk], [await District()]))),
            [typeof(UpdateAccount)] = async () =>
            {
                var id = await QueryAsync(db => db.Users.Where(x => x.UserName == "jyj-sh").Select(x => x.Id).SingleAsync());
                var current = await AsStaff<GetAccount, AccountSummary>("admin", u => u.ExecuteAsync(id));
                await AsStaff<UpdateAccount, bool>("admin", async u =>
                {
                    await u.ExecuteAsync(id, new AccountInput(current.UserName, "刘洋（审核）", current.Roles, current.AgencyIds), false, current.ConcurrencyStamp);
                    return true;
                });
            },
            [typeof(RevealAccountMobile)] = async () =>
            {
                var created = await AsStaff<CreateAccount, CreatedAccount>("admin", async u => await u.ExecuteAsync(new AccountInput("audit-mobile", "有手机", [Data.Accounts.Roles.Clerk], [await District()], "13700000000")));
                await AsStaff<RevealAccountMobile, string?>("admin", u => u.ExecuteAsync(created.UserId));
            },
            [typeof(RegisterApplication)] = async () => await AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", async u => await u.ExecuteAsync(new ApplicationInput
            {
                AgencyId = await AgencyIdAsync("包头市昆都仑区教育局"),
                ApplicantName = "李四",
                IdDocumentType = IdDocumentType.Passport,
                IdNumber = "E12345678",
                Phone = "0472-5990381",
                Description = "某文件",
                Arrived = new DateOnly(2026, 11, 20),
            })),
            [typeof(RevealApplicantContact)] = async () =>
            {
                var id = await QueryAsync(db => db.Applications.Select(a => a.Id).FirstAsync());
                await AsStaff<RevealApplicantContact, ApplicantContact>("jyj-cb", u => u.ExecuteAsync(id));
            },
            [typeof(SubmitApplication)] = async () => await UseCase<SubmitApplication, IntakeResult>(async u => await u.ExecuteAsync(
                new ApplicationInput
                {
                    AgencyId = await AgencyIdAsync("包头市昆都仑区教育局"),
                    ApplicantName = "王五",
                    IdDocumentType = IdDocumentType.Passport,
                    IdNumber = "E87654321",
                    Phone = "13900000000",
                    Description = "某通知",
                },
                [],
                "audit-form")),
            [typeof(PerformCaseStep)] = async () =>
            {
                var app = await QueryAsync(db => db.Applications.SingleAsync(a => a.IdempotencyKey == "audit-form"));
                await AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(app.Id, app.Version, new ConfirmReceiptStep(new DateOnly(2026, 11, 27))));
            },
            [typeof(SubmitCorrection)] = async () =>
            {
                var app = await QueryAsync(db => db.Applications.SingleAsync(a => a.IdempotencyKey == "audit-form"));
                await AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(app.Id, app.Version, new RequestCorrectionStep(new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 11), "请写明文件名称。")));
                var code = await InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Data.PersonalData.PersonalDataProtector>().Unprotect(app.QueryCodeProtected)!));
                await UseCase<SubmitCorrection, CaseStepResult>(u => u.ExecuteAsync(app.CaseNumber, code, "《关于某事的通知》", [], null));
            },
            [typeof(CorrectClosedApplication)] = async () =>
            {
                var app = await QueryAsync(db => db.Applications.SingleAsync(a => a.IdempotencyKey == "audit-form"));
                var done = await AsStaff<PerformCaseStep, CaseStepResult>("jyj-fz", u => u.ExecuteAsync(app.Id, app.Version, new DecideStep(DecisionType.Disclosed, new DateOnly(2026, 11, 27), "予以公开。")));
                await AsStaff<CorrectClosedApplication, CaseStepResult>("jyj-fz", u => u.ExecuteAsync(app.Id, done.Version, new ClosedCaseCorrection { Reason = "摘要笔误", DecisionSummary = "予以公开，提供电子版。" }));
            },
            [typeof(RegisterReviewCase)] = () => RegisterReviewAsync("包昆复〔2026〕1号"),
            [typeof(RecordReviewAnswer)] = async () =>
            {
                var c = await RegisterReviewAsync("包昆复〔2026〕2号");
                await AsStaff<RecordReviewAnswer, ReviewCaseResult>("jyj-cb", u => u.ExecuteAsync(c.Id, c.Version, new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 10)));
            },
            [typeof(RecordReviewOutcome)] = async () =>
            {
                var c = await RegisterReviewAsync("包昆复〔2026〕3号");
                await AsStaff<RecordReviewOutcome, ReviewCaseResult>("jyj-sh", u => u.ExecuteAsync(c.Id, c.Version, ReviewOutcomeDetail.Upheld, new DateOnly(2026, 11, 20)));
            },
            [typeof(AttachReviewDocument)] = async () =>
            {
                var c = await RegisterReviewAsync("包昆复〔2026〕4号");
                await AsStaff<AttachReviewDocument, ReviewCaseResult>("jyj-cb", u => u.ExecuteAsync(c.Id, ReviewDocumentKind.FilingCopy, new UploadedFile("复议申请书.pdf", "application/pdf", new MemoryStream("%PDF-1.7"u8.ToArray()))));
            },
            [typeof(RegisterApplicantAccount)] = async () => await UseCase<RegisterApplicantAccount, string>(u => u.ExecuteAsync(new ApplicantAccountInput("13855556666", "赵六", "applicant-2026", "applicant-2026"))),
            [typeof(LinkApplicationToAccount)] = async () =>
            {
                var app = await QueryAsync(db => db.Applications.SingleAsync(a => a.IdempotencyKey == "audit-form"));
                var user = await QueryAsync(db => db.Users.Where(x => x.UserName == "13855556666").Select(x => x.Id).SingleAsync());
                await InScopeAsync(async sp =>
                {
                    sp.GetRequiredService<ApplicantContext>().Set(user, "赵六");
                    var code = sp.GetRequiredService<Data.PersonalData.PersonalDataProtector>().Unprotect(app.QueryCodeProtected)!;
                    return await sp.GetRequiredService<LinkApplicationToAccount>().ExecuteAsync(app.CaseNumber, code);
                });
            },
            [typeof(SendDueReminders)] = () => UseCase<SendDueReminders, ReminderRunResult>(u => u.ExecuteAsync(new DateOnly(2026, 11, 27))),
            [typeof(MarkNotificationsRead)] = async () =>
            {
                await QueryAsync(async db =>
                {
                    var gkb = await db.Users.Where(x => x.UserName == "gkb").Select(x => x.Id).SingleAsync();
                    db.Notifications.Add(new Data.Notifications.NotificationRecord { UserId = gkb, Kind = "CaseDueSoon", Key = "audit-scenario", Title = "提醒", Body = "提醒" });
                    return await db.SaveChangesAsync();
                });
                await AsStaff<MarkNotificationsRead, int>("gkb", u => u.ExecuteAsync(null));
            },
            [typeof(CreateApiToken)] = () => AsStaff<CreateApiToken, CreatedApiToken>("jyj-cb", u => u.ExecuteAsync("审计场景", 30)),
            [typeof(RevokeApiToken)] = async () =>
            {
                var token = await AsStaff<CreateApiToken, CreatedApiToken>("jyj-cb", u => u.ExecuteAsync("待吊销", 30));
                await AsStaff<RevokeApiToken, bool>("jyj-cb", u => u.ExecuteAsync(token.Id));
            },
            [typeof(Letters.IssueLetter)] = async () => await LetterAsync(),
            [typeof(Letters.GetLetterFile)] = async () =>
            {
                var letter = await LetterAsync();
                await AsStaff<Letters.GetLetterFile, Letters.LetterFile>("jyj-cb", u => u.ExecuteAsync(letter.Id, Letters.LetterFormat.Docx));
            },
            [typeof(Letters.GetApplicantLetterFile)] = async () =>
            {
                var letter = await LetterAsync();
                var app = await QueryAsync(db => db.Applications.SingleAsync(a => a.Id == letter.ApplicationId));
                var code = await InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Data.PersonalData.PersonalDataProtector>().Unprotect(app.QueryCodeProtected)!));
                await UseCase<Letters.GetApplicantLetterFile, Letters.LetterFile>(u => u.ExecuteAsync(app.CaseNumber, code, letter.Id, Letters.LetterFormat.Docx));
            },
            [typeof(Letters.SaveLetterTemplate)] = async () => await AsStaff<Letters.SaveLetterTemplate, int>("gkb", async u => await u.ExecuteAsync(await District(), "Receipt", "受理回执", "{申请人}：受理编号 {受理编号}。", null)),
            [typeof(Letters.ResetLetterTemplate)] = async () =>
            {
                await AsStaff<Letters.SaveLetterTemplate, int>("gkb", async u => await u.ExecuteAsync(await District(), "FeeNotice", "收费通知书", "{申请人}：受理编号 {受理编号}。{救济途径}", null));
                await AsStaff<Letters.ResetLetterTemplate, int>("gkb", async u => { await u.ExecuteAsync(await District(), "FeeNotice"); return 0; });
            },
            [typeof(Letters.SaveLetterSettings)] = async () => await AsStaff<Letters.SaveLetterSettings, int>("gkb", async u => await u.ExecuteAsync(await AgencyIdAsync("包头市昆都仑区教育局"), "{简称}信公〔{YYYY}〕{N}号", "包头市昆都仑区人民政府", "包头市昆都仑区人民法院", 0)),
            [typeof(GetMailingList)] = async () =>
            {
                var letter = await LetterAsync();
                var v = await QueryAsync(db => db.Applications.Where(a => a.Id == letter.ApplicationId).Select(a => a.Version).SingleAsync());
                await AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(letter.ApplicationId, v, new ServeStep(new DateOnly(2026, 11, 27), ServiceMethod.Postal, TrackingNumber: "1151234567890")));
                await AsStaff<GetMailingList, MailingList>("jyj-cb", async u => await u.ExecuteAsync(await AgencyIdAsync("包头市昆都仑区教育局"), new DateOnly(2026, 11, 27)));
            },
            [typeof(UseCases.Reports.OpenAnnualReport)] = () => ReportAtAsync("包头市昆都仑区发展和改革委员会", Data.Reports.AnnualReportStatus.Draft),
            [typeof(UseCases.Reports.SaveAnnualReportDraft)] = async () => await ReportStepAsync<UseCases.Reports.SaveAnnualReportDraft>("包头市昆都仑区财政局", Data.Reports.AnnualReportStatus.Draft, (u, id, v) => u.ExecuteAsync(id, AuditReportText, v)),
            [typeof(UseCases.Reports.SubmitAnnualReport)] = () => ReportAtAsync("包头市昆都仑区人力资源和社会保障局", Data.Reports.AnnualReportStatus.Submitted),
            [typeof(UseCases.Reports.ReturnAnnualReport)] = async () => await ReportStepAsync<UseCases.Reports.ReturnAnnualReport>("包头市昆都仑区住房和城乡建设局", Data.Reports.AnnualReportStatus.Submitted, (u, id, v) => u.ExecuteAsync(id, "请补充。", v)),
            [typeof(UseCases.Reports.AcceptAnnualReport)] = () => ReportAtAsync("包头市昆都仑区卫生健康委员会", Data.Reports.AnnualReportStatus.Accepted),
            [typeof(UseCases.Reports.PublishAnnualReport)] = () => ReportAtAsync("包头市昆都仑区市场监督管理局", Data.Reports.AnnualReportStatus.Published),
            [typeof(UseCases.Reports.CorrectAnnualReport)] = async () =>
            {
                var id = await ReportAtAsync("包头市昆都仑区应急管理局", Data.Reports.AnnualReportStatus.Published);
                await UseCase<UseCases.Reports.CorrectAnnualReport, int>(u => u.ExecuteAsync(id, "更正数字"));
            },
            [typeof(UseCases.Reports.SaveReportFigures)] = async () => await UseCase<UseCases.Reports.SaveReportFigures, int>(async u => await u.ExecuteAsync(await District(), 2025, new UseCases.Reports.ReportFiguresInput { ItemsPublished = "100" }, 0)),
            [typeof(UseCases.Reports.ImportReportFigures)] = async () =>
            {
                using var stream = new MemoryStream();
                stream.SaveAs(new[] { new Dictionary<string, object> { ["机构名称"] = "包头市昆都仑区司法局", ["年度"] = 2025, ["行政处罚本年处理决定数量"] = 12 } });
                stream.Position = 0;
                await UseCase<UseCases.Reports.ImportReportFigures, UseCases.Reports.ReportFiguresImport>(u => u.ExecuteAsync(stream));
            },
            [typeof(UseCases.Reports.SaveReportDeadline)] = async () => await UseCase<UseCases.Reports.SaveReportDeadline, bool>(async u =>
            {
                await u.ExecuteAsync(await District(), AgencyKind.Township, 1, 25, false, null);
                return true;
            }),
            [typeof(UseCases.Reports.ImportPublishedReport)] = async () =>
            {
                var text = System.Text.Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(Fixtures.PathOf("seeds/kundulun-2024-scraped.txt")));
                await UseCase<UseCases.Reports.ImportPublishedReport, int>(async u => await u.ExecuteAsync(await AgencyIdAsync("包头市昆都仑区昆河镇人民政府"), 2024, "report.txt", text, new DateOnly(2025, 1, 20)));
            },
            [typeof(UseCases.Publishing.RegisterNormativeDocument)] = async () => await UseCase<UseCases.Publishing.RegisterNormativeDocument, int>(async u => await u.ExecuteAsync(new UseCases.Publishing.NormativeDocumentInput { AgencyId = await District(), Title = "审计测试文件", DocumentNumber = "审计〔2025〕1号", Issued = new DateOnly(2025, 3, 1) })),
            [typeof(UseCases.Publishing.ChangeNormativeDocument)] = async () =>
            {
                var id = await UseCase<UseCases.Publishing.RegisterNormativeDocument, int>(async u => await u.ExecuteAsync(new UseCases.Publishing.NormativeDocumentInput { AgencyId = await District(), Title = "审计测试文件二", DocumentNumber = "审计〔2025〕2号", Issued = new DateOnly(2025, 3, 1) }));
                await UseCase<UseCases.Publishing.ChangeNormativeDocument, int>(u => u.ExecuteAsync(id, 1, new UseCases.Publishing.RepealDocument(new DateOnly(2025, 6, 1), null)));
            },
            [typeof(UseCases.Publishing.SavePublishingCheckSettings)] = async () => await UseCase<UseCases.Publishing.SavePublishingCheckSettings, int>(async u => await u.ExecuteAsync(await District(), new UseCases.Publishing.PublishingCheckSettingsInput { SensitiveWords = "测试词" }, 0)),
            [typeof(UseCases.Publishing.CreateCatalogueItem)] = () => CatalogueItemAsync(),
            [typeof(UseCases.Publishing.UpdateCatalogueItem)] = async () =>
            {
                var (id, v) = await CatalogueItemAsync();
                await AsStaff<UseCases.Publishing.UpdateCatalogueItem, int>("jyj-cb", async u => await u.ExecuteAsync(id, v, new UseCases.Publishing.CatalogueItemInput { Title = "审计场景信息（改）", Body = "正文。", Formed = new DateOnly(2026, 11, 20), Article20Item = 2 }));
            },
            [typeof(UseCases.Publishing.AddCatalogueAttachment)] = async () =>
            {
                var (id, v) = await CatalogueItemAsync();
                await AsStaff<UseCases.Publishing.AddCatalogueAttachment, int>("jyj-cb", u => u.ExecuteAsync(id, v, Pdf()));
            },
            [typeof(UseCases.Publishing.RemoveCatalogueAttachment)] = async () =>
            {
                var (id, v) = await CatalogueItemAsync();
                v = await AsStaff<UseCases.Publishing.AddCatalogueAttachment, int>("jyj-cb", u => u.ExecuteAsync(id, v, Pdf()));
                var attachment = await QueryAsync(db => db.CatalogueAttachments.Where(a => a.ItemId == id).Select(a => a.Id).SingleAsync());
                await AsStaff<UseCases.Publishing.RemoveCatalogueAttachment, int>("jyj-cb", u => u.ExecuteAsync(id, v, attachment));
            },
            [typeof(UseCases.Publishing.SubmitCatalogueItem)] = async () =>
            {
                var (id, v) = await CatalogueItemAsync();
                await AsStaff<UseCases.Publishing.SubmitCatalogueItem, UseCases.Publishing.SubmitResult>("jyj-cb", u => u.ExecuteAsync(id, v));
            },
            [typeof(UseCases.Publishing.ReviewCatalogueItem)] = () => CatalogueItemAsync(ready: true),
            [typeof(UseCases.Publishing.PublishCatalogueItem)] = () => PublishedItemAsync(),
            [typeof(UseCases.Publishing.ReviseCatalogueItem)] = async () =>
            {
                var (id, v) = await PublishedItemAsync();
                await AsStaff<UseCases.Publishing.ReviseCatalogueItem, int>("jyj-cb", u => u.ExecuteAsync(id, v, "更正错字。"));
            },
            [typeof(UseCases.Publishing.WithdrawCatalogueItem)] = async () =>
            {
                var (id, v) = await PublishedItemAsync();
                await AsStaff<UseCases.Publishing.WithdrawCatalogueItem, int>("jyj-fz", u => u.ExecuteAsync(id, v, "信息有误。"));
            },
            [typeof(UseCases.Publishing.ProposeApplicationForDisclosure)] = async () =>
            {
                var letter = await LetterAsync();
                var v = await QueryAsync(db => db.Applications.Where(a => a.Id == letter.ApplicationId).Select(a => a.Version).SingleAsync());
                await AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(letter.ApplicationId, v, new ServeStep(new DateOnly(2026, 11, 27), ServiceMethod.Direct)));
                await AsStaff<UseCases.Publishing.ProposeApplicationForDisclosure, int>("jyj-cb", u => u.ExecuteAsync(letter.ApplicationId, "多人申请相同信息。"));
            },
            [typeof(UseCases.Publishing.AddCatalogueTerm)] = () => AsStaff<UseCases.Publishing.AddCatalogueTerm, int>("gkb", u => u.ExecuteAsync(Data.Publishing.CatalogueTermKind.KeyArea, "审计场景领域")),
            [typeof(UseCases.Publishing.SetCatalogueTermActive)] = async () =>
            {
                var id = await AsStaff<UseCases.Publishing.AddCatalogueTerm, int>("gkb", u => u.ExecuteAsync(Data.Publishing.CatalogueTermKind.Topic, "审计场景分类"));
                await AsStaff<UseCases.Publishing.SetCatalogueTermActive, bool>("gkb", u => u.ExecuteAsync(id, false));
            },
            [typeof(UseCases.Portal.CreatePortalNotice)] = () => AsStaff<UseCases.Portal.CreatePortalNotice, int>("gkb", u => u.ExecuteAsync(new UseCases.Portal.NoticeInput { Title = "审计场景公告", Body = "正文" })),
            [typeof(UseCases.Portal.UpdatePortalNotice)] = async () =>
            {
                var id = await AsStaff<UseCases.Portal.CreatePortalNotice, int>("gkb", u => u.ExecuteAsync(new UseCases.Portal.NoticeInput { Title = "审计场景待修改公告", Body = "正文" }));
                await AsStaff<UseCases.Portal.UpdatePortalNotice, bool>("admin", async u =>
                {
                    await u.ExecuteAsync(id, new UseCases.Portal.NoticeInput { Title = "审计场景已修改公告", Body = "正文" }, 1);
                    return true;
                });
            },
            [typeof(UseCases.Portal.WithdrawPortalNotice)] = async () =>
            {
                var id = await AsStaff<UseCases.Portal.CreatePortalNotice, int>("gkb", u => u.ExecuteAsync(new UseCases.Portal.NoticeInput { Title = "审计场景待撤回公告", Body = "正文" }));
                await AsStaff<UseCases.Portal.WithdrawPortalNotice, bool>("gkb", async u =>
                {
                    await u.ExecuteAsync(id, 1);
                    return true;
                });
            },
            [typeof(UseCases.Portal.SubmitSiteErrorReport)] = () => UseCase<UseCases.Portal.SubmitSiteErrorReport, UseCases.Portal.SubmittedSiteErrorReport>(u => u.ExecuteAsync(SiteErrorReport(), null)),
            [typeof(UseCases.Portal.HandleSiteErrorReport)] = async () =>
            {
                var ticket = await UseCase<UseCases.Portal.SubmitSiteErrorReport, UseCases.Portal.SubmittedSiteErrorReport>(u => u.ExecuteAsync(SiteErrorReport(), null));
                await AsStaff<UseCases.Portal.HandleSiteErrorReport, UseCases.Portal.SiteErrorReportDetail>("gkb", u => u.ExecuteAsync(ticket.Id, 1, Data.Portal.SiteErrorStatus.Fixed, "已更正。"));
            },
            [typeof(UseCases.Portal.RevealSiteErrorReportContact)] = async () =>
            {
                var ticket = await UseCase<UseCases.Portal.SubmitSiteErrorReport, UseCases.Portal.SubmittedSiteErrorReport>(u => u.ExecuteAsync(SiteErrorReport() with { Contact = "13912345678" }, null));
                await AsStaff<UseCases.Portal.RevealSiteErrorReportContact, string?>("gkb", u => u.ExecuteAsync(ticket.Id));
            },
            [typeof(ExportCaseRegister)] = () => UseCase<ExportCaseRegister, byte[]>(u => u.ExecuteAsync(2026, fullPersonalData: false)),
            [typeof(ImportCaseRegister)] = async () =>
            {
                var sheet = new[] { CaseRegisterLayout.Columns.ToDictionary(c => c, c => (object)(c switch
                {
                    "受理编号" => "导入〔2025〕001号", "申请类型" => "政府信息公开申请", "受理机关" => "包头市昆都仑区教育局", "申请人类型" => "自然人",
                    "申请人姓名或名称" => "历史申请人", "证件类型" => "护照", "证件号码" => "E00001111", "联系电话" => "13800001111", "申请内容" => "2025 年某文件",
                    "获取信息的方式" => "纸质", "获取方式" => "自行领取", "申请渠道" => "当面提交", "到达日期" => "2025-03-03", "收到申请日期" => "2025-03-03",
                    "答复类型" => "予以公开", "答复日期" => "2025-03-20", "送达日期" => "2025-03-21", "送达方式" => "直接送达", "办理状态" => "已送达",
                    _ => string.Empty,
                })) };
                using var stream = new MemoryStream();
                stream.SaveAs(sheet);
                stream.Position = 0;
                await UseCase<ImportCaseRegister, CaseRegisterImport>(u => u.ExecuteAsync(stream, "2025台账.xlsx"));
            },
            [typeof(ResetPassword)] = async () =>
            {
                var id = await QueryAsync(db => db.Users.Where(x => x.UserName == "jyj-fz").Select(x => x.Id).SingleAsync());
                await AsStaff<ResetPassword, string>("admin", u => u.ExecuteAsync(id));
            },
            [typeof(ChangeOwnPassword)] = () => AsStaff<ChangeOwnPassword, bool>("jyj-cb", async u =>
            {
                await u.ExecuteAsync(DemoAccounts.Password, "new-password-2027");
                return true;
            }),
            [typeof(SetTwoFactor)] = () => AsStaff<SetTwoFactor, bool>("zt-cb", async u =>
            {
                var key = await u.GetKeyAsync();
                await u.ExecuteAsync(true, Totp.Now(key));
                return true;
            }),
        };
    }
}

public sealed class SqliteAuditTests() : AuditTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditTests() : AuditTests(DatabaseProvider.Postgres);
