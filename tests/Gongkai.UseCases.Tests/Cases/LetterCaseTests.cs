using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Letters;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.Documents;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>Letters issued on cases: every kind the lifecycle offers, 文号, templates, seals, downloads, and postal service.</summary>
public abstract class LetterCaseTests(DatabaseProvider provider) : CaseWorld(provider)
{
    private static readonly DateOnly Arrived = new(2026, 9, 1);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<PdfOptions>(o => o.Chromium = ChromiumPdf.Browser ?? "/nonexistent/chromium");
    }

    private Task<IssuedLetter> IssueAsync(long id, string kind, int? pause = null, string? body = null, string? key = null, string user = Head, int? version = null) =>
        AsStaff<IssueLetter, IssuedLetter>(user, async u => await u.ExecuteAsync(id, version ?? await VersionAsync(id), kind, pause, body, key));

    private Task<LetterFile> FileAsync(long letterId, LetterFormat format, string user = Head) =>
        AsStaff<GetLetterFile, LetterFile>(user, u => u.ExecuteAsync(letterId, format));

    private static string DocxText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return Squeeze(string.Concat(doc.MainDocumentPart!.Document!.Descendants<W.Text>().Select(t => t.Text)));
    }

    private static string Squeeze(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    /// <summary>A case that went through confirmation, 补正, a consultation, a fee, an extension and a decision.</summary>
    private async Task<IntakeResult> FullCaseAsync(DecisionType decision = DecisionType.Disclosed)
    {
        var intake = await IntakeAsync(Arrived);
        var id = intake.Application.Id;
        await StepAsync(id, new RequestCorrectionStep(new DateOnly(2026, 9, 3), new DateOnly(2026, 9, 18), "请写明所需文件的名称或文号。"));
        await StepAsync(id, new ReceiveCorrectionStep(new DateOnly(2026, 9, 8), "所需为 2025 年学区划分方案。"));
        await StepAsync(id, new StartConsultationStep(PauseReason.ThirdPartyConsultation, "包头某某教育科技有限公司", new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 11)));
        await StepAsync(id, new EndConsultationStep(new DateOnly(2026, 9, 17), Opinion: "同意公开。"));
        await StepAsync(id, new SendFeeNoticeStep(new DateOnly(2026, 9, 18), Core.Fees.FeeMethod.PerPage, 250));
        await StepAsync(id, new RecordPaymentStep(new DateOnly(2026, 9, 21)));
        await StepAsync(id, new ExtendStep(10, "需要调取多年档案"));
        await StepAsync(id, new DecideStep(decision, new DateOnly(2026, 10, 20), "随本答复书提供学区划分方案复印件 250 页。"));
        return intake;
    }

    [ProviderFact]
    public async Task Every_kind_the_case_went_through_is_issued_with_its_number_and_reads_back_with_case_decision_and_remedies()
    {
        var intake = await FullCaseAsync();
        var id = intake.Application.Id;
        var (_, available) = await AsStaff<ListApplicationLetters, (IReadOnlyList<IssuedLetter>, IReadOnlyList<AvailableLetter>)>(Head, u => u.ExecuteAsync(id));
        Assert.Equal(
            ["Receipt", "CorrectionNotice", "ExtensionNotice", "ConsultationLetter", "FeeNotice", "Reply.Disclosed", "ServiceCertificate"],
            available.Select(a => a.Kind.Key).ToArray());

        var issued = new List<IssuedLetter>();
        foreach (var a in available.Where(a => a.Kind.Type != LetterType.ServiceCertificate))
        {
            issued.Add(await IssueAsync(id, a.Kind.Key, a.PauseSequence));
        }

        issued.Add(await IssueAsync(id, "ServiceCertificate"));
        var year = Today.Year;
        Assert.Equal<string?>(
            [null, $"区教育局信公〔{year}〕1号", $"区教育局信公〔{year}〕2号", $"区教育局信公〔{year}〕3号", $"区教育局信公〔{year}〕4号", $"区教育局信公〔{year}〕5号", null],
            issued.Select(l => l.DocumentNumber));
        foreach (var letter in issued)
        {
            var text = DocxText((await FileAsync(letter.Id, LetterFormat.Docx)).Content);
            Assert.Contains(Squeeze(intake.Application.CaseNumber), text, StringComparison.Ordinal);
            Assert.False(text.Contains("（无）", StringComparison.Ordinal), $"{letter.Kind}: {text}");
            Assert.True(LetterKind.TryParse(letter.Kind, out var kind));
            if (kind.StatesRemedies)
            {
                Assert.Contains("60日内依法申请行政复议", text, StringComparison.Ordinal);
                Assert.Contains("6个月内向人民法院提起行政诉讼", text, StringComparison.Ordinal);
            }
        }

        var reply = DocxText((await FileAsync(issued[5].Id, LetterFormat.Docx)).Content);
        Assert.Contains(Squeeze(DecisionCatalog.Of(DecisionType.Disclosed).Name), reply, StringComparison.Ordinal);
        Assert.Contains(Squeeze(DecisionCatalog.Of(DecisionType.Disclosed).LegalBasis), reply, StringComparison.Ordinal);
        Assert.Contains("随本答复书提供学区划分方案复印件250页", reply, StringComparison.Ordinal);
        Assert.Contains("4700", DocxText((await FileAsync(issued[4].Id, LetterFormat.Docx)).Content), StringComparison.Ordinal);
        Assert.Contains("包头某某教育科技有限公司", DocxText((await FileAsync(issued[3].Id, LetterFormat.Docx)).Content), StringComparison.Ordinal);
        Assert.Contains($"政府信息公开申请答复书（区教育局信公〔{year}〕5号）", DocxText((await FileAsync(issued[6].Id, LetterFormat.Docx)).Content), StringComparison.Ordinal);

        var events = await EventsAsync(id);
        Assert.Contains(events, e => e.Kind == "IssueLetter" && e.Summary.Contains($"区教育局信公〔{year}〕5号", StringComparison.Ordinal) && e.VisibleToApplicant);
        Assert.Contains(events, e => e.Kind == "IssueLetter" && e.Summary.Contains("征求意见函", StringComparison.Ordinal) && !e.VisibleToApplicant);

        // The applicant sees the letters addressed to them (not the consultation letter nor the 送达回证) and downloads them.
        var tracked = await UseCase<TrackApplication, TrackedApplication>(u => u.ExecuteAsync(intake.Application.CaseNumber, intake.QueryCode));
        Assert.Equal(5, tracked.Letters!.Count);
        Assert.DoesNotContain(tracked.Letters, l => l.Title.Contains("征求意见", StringComparison.Ordinal) || l.Title == "送达回证");
        var own = await UseCase<GetApplicantLetterFile, LetterFile>(u => u.ExecuteAsync(intake.Application.CaseNumber, intake.QueryCode, issued[5].Id, LetterFormat.Docx));
        Assert.Contains(Squeeze(DecisionCatalog.Of(DecisionType.Disclosed).Name), DocxText(own.Content), StringComparison.Ordinal);
        var hidden = await Assert.ThrowsAsync<DomainException>(() => UseCase<GetApplicantLetterFile, LetterFile>(u => u.ExecuteAsync(intake.Application.CaseNumber, intake.QueryCode, issued[3].Id, LetterFormat.Docx)));
        Assert.Equal("not_found", hidden.Code);
        var wrongCode = await Assert.ThrowsAsync<DomainException>(() => UseCase<GetApplicantLetterFile, LetterFile>(u => u.ExecuteAsync(intake.Application.CaseNumber, "ABCDEFGH", issued[5].Id, LetterFormat.Docx)));
        Assert.Equal("not_found", wrongCode.Code);
    }

    [ProviderFact]
    public async Task The_pdf_is_printed_once_and_kept_or_the_answer_says_what_to_install()
    {
        var intake = await FullCaseAsync(DecisionType.NotHeld);
        var reply = await IssueAsync(intake.Application.Id, "Reply.NotHeld");
        if (ChromiumPdf.MissingReason is null)
        {
            var pdf = await FileAsync(reply.Id, LetterFormat.Pdf);
            Assert.Equal("application/pdf", pdf.ContentType);
            using (var doc = PdfDocument.Open(pdf.Content))
            {
                var text = Squeeze(string.Concat(doc.GetPages().Select(p => p.Text)));
                Assert.Contains(Squeeze(intake.Application.CaseNumber), text, StringComparison.Ordinal);
                Assert.Contains(Squeeze(DecisionCatalog.Of(DecisionType.NotHeld).Name), text, StringComparison.Ordinal);
                Assert.Contains("6个月内向人民法院提起行政诉讼", text, StringComparison.Ordinal);
            }

            Assert.NotNull(await QueryAsync(db => db.ApplicationLetters.Where(l => l.Id == reply.Id).Select(l => l.PdfStorageKey).SingleAsync()));
            Assert.Equal(pdf.Content, (await FileAsync(reply.Id, LetterFormat.Pdf)).Content);
        }
        else
        {
            // Without Chromium (a developer's machine; CI installs it) the answer names what to install, and DOCX still works.
            var e = await Assert.ThrowsAsync<DomainException>(() => FileAsync(reply.Id, LetterFormat.Pdf));
            Assert.Equal(ChromiumPdfRenderer.UnavailableCode, e.Code);
            Assert.NotEmpty((await FileAsync(reply.Id, LetterFormat.Docx)).Content);
        }
    }

    [ProviderFact]
    public async Task Double_submits_issue_one_letter_stale_pages_and_wrong_kinds_are_refused_and_reissuing_supersedes()
    {
        var c = await RegisterAsync(Arrived);
        await StepAsync(c.Id, new AcceptStep());
        var early = await Assert.ThrowsAsync<DomainException>(() => IssueAsync(c.Id, "Reply.Disclosed"));
        Assert.Equal(CaseLifecycle.InvalidTransitionCode, early.Code);
        await StepAsync(c.Id, new DecideStep(DecisionType.Disclosed, Arrived.AddDays(5), "予以公开。"));
        var wrong = await Assert.ThrowsAsync<DomainException>(() => IssueAsync(c.Id, "Reply.NotHeld"));
        Assert.Contains("答复类型一致", wrong.Message, StringComparison.Ordinal);

        var version = await VersionAsync(c.Id);
        var first = await IssueAsync(c.Id, "Reply.Disclosed", key: "k-1", version: version);
        var again = await IssueAsync(c.Id, "Reply.Disclosed", key: "k-1", version: version);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await QueryAsync(db => db.ApplicationLetters.CountAsync(l => l.ApplicationId == c.Id)));

        var stale = await Assert.ThrowsAsync<DomainException>(() => IssueAsync(c.Id, "Reply.Disclosed", key: "k-2", version: version));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);

        var noRemedies = await Assert.ThrowsAsync<ValidationFailedException>(() => IssueAsync(c.Id, "Reply.Disclosed", body: $"张某某：\n您的申请（{c.CaseNumber}）予以公开。\n处理结果：予以公开。"));
        Assert.Contains("救济途径", noRemedies.Errors["Body"], StringComparison.Ordinal);

        var edited = await IssueAsync(c.Id, "Reply.Disclosed", body: $"张某某：\n您的申请（{c.CaseNumber}）已办理。\n处理结果：予以公开。\n如不服，可申请行政复议或提起行政诉讼。\n<b>不是标记</b>");
        Assert.NotEqual(first.DocumentNumber, edited.DocumentNumber);
        var letters = await QueryAsync(db => db.ApplicationLetters.AsNoTracking().Where(l => l.ApplicationId == c.Id).OrderBy(l => l.Id).ToListAsync());
        Assert.True(letters[0].Superseded);
        Assert.False(letters[1].Superseded);
        Assert.Contains("<b>不是标记</b>", DocxText((await FileAsync(edited.Id, LetterFormat.Docx)).Content), StringComparison.Ordinal);
        var html = System.Text.Encoding.UTF8.GetString((await FileAsync(edited.Id, LetterFormat.Html)).Content);
        Assert.Contains("&lt;b&gt;不是标记&lt;/b&gt;", html, StringComparison.Ordinal);

        // Another unit's clerk does not see the case's letters.
        var other = await Assert.ThrowsAsync<DomainException>(() => FileAsync(first.Id, LetterFormat.Docx, "zt-cb"));
        Assert.Equal("not_found", other.Code);
    }

    [ProviderFact]
    public async Task A_receipt_waits_until_the_application_is_received()
    {
        var emailed = await RegisterAsync(Arrived, Channel.Email);
        var early = await Assert.ThrowsAsync<DomainException>(() => IssueAsync(emailed.Id, "Receipt"));
        Assert.Equal(CaseLifecycle.InvalidTransitionCode, early.Code);
        Assert.Equal(0, await QueryAsync(db => db.ApplicationLetters.CountAsync(l => l.ApplicationId == emailed.Id)));

        await StepAsync(emailed.Id, new ConfirmReceiptStep(Arrived.AddDays(1)));
        Assert.Null((await IssueAsync(emailed.Id, "Receipt")).DocumentNumber);
    }

    [ProviderFact]
    public async Task Letters_issued_at_once_on_different_cases_get_different_numbers()
    {
        var cases = new List<ApplicationRecord>();
        for (var i = 0; i < 6; i++)
        {
            var c = await RegisterAsync(Arrived);
            await StepAsync(c.Id, new AcceptStep());
            await StepAsync(c.Id, new DecideStep(DecisionType.NotHeld, Arrived.AddDays(3), "本机关不掌握。"));
            cases.Add(c);
        }

        var letters = await Task.WhenAll(cases.Select(c => IssueAsync(c.Id, "Reply.NotHeld")));

        Assert.Equal(6, letters.Select(l => l.DocumentNumber).Distinct().Count());
    }

    [ProviderFact]
    public async Task Templates_are_checked_inherited_from_the_government_and_reset_and_settings_bring_the_seal_and_the_remedies_bodies()
    {
        var district = await AgencyIdAsync(UseCases.Demo.DemoAgencies.DistrictGovernment);
        var education = await AgencyIdAsync(Education);
        var kind = "Reply.NotHeld";
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<SaveLetterTemplate, int>("gkb", u => u.ExecuteAsync(district, kind, "答复书", "{申请人}：{未知字段} {补正事项}", null)));
        Assert.Contains("{未知字段}", bad.Errors["Body"], StringComparison.Ordinal);
        Assert.Contains("{补正事项}", bad.Errors["Body"], StringComparison.Ordinal);
        Assert.Contains("{救济途径}", bad.Errors["Body"], StringComparison.Ordinal);
        var clerk = await Assert.ThrowsAsync<DomainException>(() => AsStaff<SaveLetterTemplate, int>("jyj-cb", u => u.ExecuteAsync(education, kind, "答复书", "x", null)));
        Assert.Equal("forbidden", clerk.Code);

        var body = "{申请人}：\n区政府统一格式。受理编号 {受理编号}。\n处理结果：{决定}（{法律依据}）。{掌握机关}\n{救济途径}";
        var v1 = await AsStaff<SaveLetterTemplate, int>("gkb", u => u.ExecuteAsync(district, kind, "政府信息公开申请告知书", body, null));
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<SaveLetterTemplate, int>("admin", u => u.ExecuteAsync(district, kind, "告知书", body, v1 + 1)));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);
        var seen = await AsStaff<GetLetterTemplate, LetterTemplateItem>("gkb", u => u.ExecuteAsync(education, kind));
        Assert.Equal("沿用包头市昆都仑区人民政府的模板", seen.Source);
        Assert.False(seen.Own);

        var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "data", "seals", "demo-seal.png"));
        var notImage = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<SaveLetterSettings, int>("gkb", u => u.ExecuteAsync(education, "{简称}复〔{YYYY}〕{NNN}号", "", "", 0, "GIF89a"u8.ToArray())));
        Assert.Contains("PNG 或 JPEG", notImage.Errors["Seal"], StringComparison.Ordinal);
        var noSerial = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<SaveLetterSettings, int>("gkb", u => u.ExecuteAsync(education, "{简称}复〔{YYYY}〕号", "", "", 0)));
        Assert.Contains("{N}", noSerial.Errors["DocumentNumberPattern"], StringComparison.Ordinal);
        await AsStaff<SaveLetterSettings, int>("gkb", u => u.ExecuteAsync(education, "{简称}复〔{YYYY}〕{NNN}号", "包头市昆都仑区人民政府", "包头市昆都仑区人民法院", 0, png));

        var c = await RegisterAsync(Arrived);
        await StepAsync(c.Id, new AcceptStep());
        await StepAsync(c.Id, new DecideStep(DecisionType.NotHeld, Arrived.AddDays(3), "本机关不掌握。", "包头市自然资源局"));
        var letter = await IssueAsync(c.Id, kind);
        Assert.Equal($"区教育局复〔{Today.Year}〕001号", letter.DocumentNumber);
        var docx = (await FileAsync(letter.Id, LetterFormat.Docx)).Content;
        var text = DocxText(docx);
        Assert.Contains("区政府统一格式", text, StringComparison.Ordinal);
        Assert.Contains("包头市自然资源局", text, StringComparison.Ordinal);
        Assert.Contains("60日内向包头市昆都仑区人民政府申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("6个月内向包头市昆都仑区人民法院提起行政诉讼", text, StringComparison.Ordinal);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Single(doc.MainDocumentPart!.ImageParts);
        }

        await AsStaff<ResetLetterTemplate, int>("gkb", async u => { await u.ExecuteAsync(district, kind); return 0; });
        Assert.Equal("系统默认模板", (await AsStaff<GetLetterTemplate, LetterTemplateItem>("gkb", u => u.ExecuteAsync(education, kind))).Source);
    }

    [ProviderFact]
    public async Task Postal_service_needs_a_china_post_number_and_the_mailing_list_prints_it_with_the_reply()
    {
        var c = await RegisterAsync(Arrived);
        await StepAsync(c.Id, new AcceptStep());
        await StepAsync(c.Id, new DecideStep(DecisionType.Disclosed, new DateOnly(2026, 9, 10), "予以公开。"));
        var reply = await IssueAsync(c.Id, "Reply.Disclosed");
        var posted = new DateOnly(2026, 9, 11);
        var missing = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, new ServeStep(posted, ServiceMethod.Postal)));
        Assert.Contains("邮件号码", missing.Message, StringComparison.Ordinal);
        var badCheck = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, new ServeStep(posted, ServiceMethod.Postal, TrackingNumber: "XA123456789CN")));
        Assert.Contains("校验位", badCheck.Message, StringComparison.Ordinal);
        var entrusted = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, new ServeStep(posted, ServiceMethod.Entrusted)));
        Assert.Contains("受委托送达的行政机关", entrusted.Message, StringComparison.Ordinal);

        await StepAsync(c.Id, new ServeStep(posted, ServiceMethod.Postal, TrackingNumber: "xa 12345678 5 cn"));

        var stored = await StoredAsync(c.Id);
        Assert.Equal("XA123456785CN", stored.ServiceTrackingNumber);
        Assert.Equal("邮政送达（中国邮政），邮件号码 XA123456785CN，交邮日期 2026-09-11。", (await EventsAsync(c.Id)).Last().Summary);
        var education = await AgencyIdAsync(Education);
        var list = await AsStaff<GetMailingList, MailingList>("jyj-cb", u => u.ExecuteAsync(education, posted));
        var item = Assert.Single(list.Items);
        Assert.Equal("XA123456785CN", item.TrackingNumber);
        Assert.Equal($"政府信息公开申请答复书（{reply.DocumentNumber}）", item.Contents);
        Assert.Equal("13912345678", item.Phone);
        Assert.Empty((await AsStaff<GetMailingList, MailingList>("jyj-cb", u => u.ExecuteAsync(education, posted.AddDays(1)))).Items);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "打印交寄清单" && a.EntityId == c.Id.ToString())));
        var other = await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetMailingList, MailingList>("zt-cb", u => u.ExecuteAsync(education, posted)));
        Assert.Equal("not_found", other.Code);
    }
}

public sealed class SqliteLetterCaseTests() : LetterCaseTests(DatabaseProvider.Sqlite);

public sealed class PostgresLetterCaseTests() : LetterCaseTests(DatabaseProvider.Postgres);
