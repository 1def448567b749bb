using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Letters;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.Files;
using Gongkai.Data.Letters;
using Gongkai.Documents;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Letters;

/// <summary>A letter as it would be issued now, for the person to read and, if needed, adjust before issuing.</summary>
public sealed record LetterDraft(
    long ApplicationId,
    int Version,
    string CaseNumber,
    LetterKind Kind,
    int? PauseSequence,
    string Title,
    string Body,
    string TemplateSource,
    bool HasSeal);

/// <summary>A letter issued on a case.</summary>
public sealed record IssuedLetter(
    long Id,
    long ApplicationId,
    string Kind,
    string KindName,
    string Title,
    string? DocumentNumber,
    DateOnly IssuedOn,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    bool ToApplicant,
    bool Superseded,
    bool HasPdf);

/// <summary>A kind the case can have issued now, with the letter already issued for it, if any.</summary>
public sealed record AvailableLetter(LetterKind Kind, int? PauseSequence, string Label, IssuedLetter? Current);

public enum LetterFormat
{
    Docx,
    Pdf,
    Html,
}

/// <summary>A letter's file, ready to send.</summary>
public sealed record LetterFile(string FileName, string ContentType, byte[] Content);

internal static class LetterRules
{
    /// <summary>Stands for the 文号 in a draft; replaced by the number given when the letter is issued.</summary>
    public const string ProvisionalNumber = "（出具时编号）";


    public static LetterKind Kind(string? key) =>
        LetterKind.TryParse(key, out var kind) ? kind : throw new DomainException(ValidationFailedException.ErrorCode, "文书类型不正确。");

    public static string Label(LetterKind kind, int? pauseSequence, ApplicationRecord r) =>
        kind.Type == LetterType.ConsultationLetter && r.Pauses.SingleOrDefault(p => p.Sequence == pauseSequence)?.Party is { } party
            ? $"{kind.Name}（致{party}）"
            : kind.Name;

    public static (LetterKind Kind, int? Pause) EnsureAvailable(ApplicationRecord r, LetterKind kind, int? pauseSequence)
    {
        var available = LetterComposer.Available(r);
        var index = available.ToList().FindIndex(a => a.Kind == kind && (kind.Type != LetterType.ConsultationLetter || a.PauseSequence == pauseSequence));
        if (index < 0)
        {
            throw new DomainException(CaseLifecycle.InvalidTransitionCode, kind.Type switch
            {
                LetterType.Reply => "答复书须与已作出的答复类型一致；请先作出答复，或按当前答复类型出具。",
                LetterType.ServiceCertificate => "送达回证在作出答复后出具。",
                _ => $"该申请当前没有需要出具{kind.Name}的事项。",
            });
        }

        return available[index];
    }

    public static IssuedLetter ToItem(ApplicationLetterRecord l) => new(
        l.Id, l.ApplicationId, l.Kind, LetterKind.TryParse(l.Kind, out var k) ? k.Name : l.Kind, l.Title, l.DocumentNumber, l.IssuedOn, l.IssuedAt, l.IssuedBy, l.ToApplicant, l.Superseded, l.PdfStorageKey is not null);

    public static string FileName(string caseNumber, string title, LetterFormat format)
    {
        var name = new string([.. $"{caseNumber}-{title}".Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c is not ('"' or '\\' or '/'))]);
        return name + format switch
        {
            LetterFormat.Docx => ".docx",
            LetterFormat.Pdf => ".pdf",
            _ => ".html",
        };
    }

    public static string ContentType(LetterFormat format) => format switch
    {
        LetterFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        LetterFormat.Pdf => "application/pdf",
        _ => "text/html; charset=utf-8",
    };
}

/// <summary>拟制文书: the letter of a kind as the template renders it for this case today (nothing is saved).</summary>
[ReadOnlyUseCase]
public sealed class DraftLetter(GongkaiDbContext db, StaffContext staff, CaseHistory history, LetterComposer composer, AgencyClock clock)
{
    public async Task<LetterDraft> ExecuteAsync(long applicationId, string kindKey, int? pauseSequence = null, CancellationToken ct = default)
    {
        staff.EnsureRole(IssueLetter.Roles);
        var kind = LetterRules.Kind(kindKey);
        var loaded = await history.LoadAsync(applicationId, staff, ct);
        var r = loaded.Record;
        db.Entry(r).State = EntityState.Detached;
        var (_, pause) = LetterRules.EnsureAvailable(r, kind, pauseSequence);
        var tree = await AgencyTree.LoadAsync(db, ct);
        var template = await composer.TemplateAsync(r.AgencyId, kind, tree, ct);
        var settings = await composer.SettingsAsync(r.AgencyId, ct);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == r.AgencyId, ct);
        var served = await composer.ServedLettersAsync(r.Id, ct);
        var values = LetterComposer.Values(r, agency, settings, kind, pause, kind.Numbered ? LetterRules.ProvisionalNumber : null, clock.Today(), loaded.Calendar, served);
        return new LetterDraft(r.Id, r.Version, r.CaseNumber, kind, pause, template.Template.Title, template.Template.Render(values), template.Source, settings.SealStorageKey is not null);
    }
}

/// <summary>
/// 出具文书: issues a letter on a case under the next 文号 of the answering agency, keeps its text, a DOCX and a
/// printable HTML page in the file store (the PDF is printed from the HTML when first asked for), records it in the
/// case history (visible to the applicant when addressed to them), and supersedes an earlier letter of the same kind.
/// The body may have been adjusted by the person issuing it, but must still name the case, and for a written decision
/// the remedies (and for a reply its decision).
/// </summary>
[AuditAction("出具文书")]
public sealed class IssueLetter(GongkaiDbContext db, StaffContext staff, AuditContext audit, CaseHistory history, LetterComposer composer, IFileStore files, AgencyClock clock)
{
    public const int MaxBodyLength = 16000;

    /// <summary>Who drafts and issues letters: 承办人, 审核人, 工作机构负责人, 政务公开办.</summary>
    public static readonly string[] Roles = [Data.Accounts.Roles.Clerk, Data.Accounts.Roles.Reviewer, Data.Accounts.Roles.OfficeHead, Data.Accounts.Roles.DisclosureOffice];

    /// <param name="issuedOn">The date on the letter when it was made earlier (e.g. signed on paper yesterday, or a case
    /// entered afterwards): not after today, not before the application arrived; its year numbers the 文号.</param>
    public async Task<IssuedLetter> ExecuteAsync(long applicationId, int expectedVersion, string kindKey, int? pauseSequence = null, string? body = null, string? requestKey = null, CancellationToken ct = default, DateOnly? issuedOn = null)
    {
        staff.EnsureRole(IssueLetter.Roles);
        var kind = LetterRules.Kind(kindKey);
        using var _ = audit.Begin(this, kind.Name);
        var loaded = await history.LoadAsync(applicationId, staff, ct);
        var key = string.IsNullOrWhiteSpace(requestKey) ? null : requestKey.Trim();
        if (key is not null && await db.ApplicationLetters.AsNoTracking().SingleOrDefaultAsync(l => l.ApplicationId == applicationId && l.RequestKey == key, ct) is { } repeat)
        {
            return LetterRules.ToItem(repeat);
        }

        var r = loaded.Record;
        CaseHistory.EnsureVersion(r, expectedVersion);
        var (_, pause) = LetterRules.EnsureAvailable(r, kind, pauseSequence);
        var tree = await AgencyTree.LoadAsync(db, ct);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == r.AgencyId, ct);
        var settings = await composer.SettingsAsync(r.AgencyId, ct);
        var today = clock.Today();
        var letterDate = today;
        if (issuedOn is { } on)
        {
            if (on > today || on < r.Arrived)
            {
                throw new ValidationFailedException(new Dictionary<string, string> { ["IssuedOn"] = $"出具日期应在申请到达之日（{r.Arrived:yyyy-MM-dd}）和今天（{today:yyyy-MM-dd}）之间。" });
            }

            letterDate = on;
        }

        var served = await composer.ServedLettersAsync(r.Id, ct);
        var provisional = kind.Numbered ? LetterRules.ProvisionalNumber : null;
        var values = LetterComposer.Values(r, agency, settings, kind, pause, provisional, letterDate, loaded.Calendar, served);
        var template = (await composer.TemplateAsync(r.AgencyId, kind, tree, ct)).Template;
        var text = string.IsNullOrWhiteSpace(body) ? template.Render(values) : LetterTemplate.Normalise(body);
        Check(kind, text, r);

        // Numbered only once the text passed: a refused letter uses up no 文号.
        var number = kind.Numbered ? await NextNumberAsync(agency, settings, letterDate.Year, ct) : null;
        if (number is not null)
        {
            text = text.Replace(LetterRules.ProvisionalNumber, number, StringComparison.Ordinal);
        }

        var letter = LetterDocument.FromText(kind, template.Title, text, number, r.CaseNumber, agency.Name, letterDate, await composer.SealAsync(settings, ct));

        var docx = (await files.SaveBytesAsync(DocxLetterWriter.Write(letter), ct: ct))!.Key;
        var html = (await files.SaveBytesAsync(System.Text.Encoding.UTF8.GetBytes(HtmlLetterWriter.Write(letter)), ct: ct))!.Key;
        foreach (var earlier in await db.ApplicationLetters.Where(l => l.ApplicationId == r.Id && l.Kind == kind.Key && l.PauseSequence == pause && !l.Superseded).ToListAsync(ct))
        {
            earlier.Superseded = true;
        }

        var record = new ApplicationLetterRecord
        {
            ApplicationId = r.Id,
            Kind = kind.Key,
            Title = letter.Title,
            DocumentNumber = number,
            Body = string.Join('\n', letter.Paragraphs),
            PauseSequence = pause,
            IssuedOn = letterDate,
            IssuedAt = clock.UtcNow,
            IssuedBy = staff.DisplayName,
            DocxStorageKey = docx,
            HtmlStorageKey = html,
            ToApplicant = kind.ToApplicant,
            RequestKey = key,
        };
        db.ApplicationLetters.Add(record);
        try
        {
            var label = LetterRules.Label(kind, pause, r);
            await history.CommitAsync(loaded, "IssueLetter", staff.DisplayName, letterDate, $"出具{label}{(number is null ? string.Empty : $"（{number}）")}。", kind.ToApplicant, key, ct);
        }
        catch
        {
            files.Delete(docx);
            files.Delete(html);
            if (key is not null && await db.ApplicationLetters.AsNoTracking().SingleOrDefaultAsync(l => l.ApplicationId == applicationId && l.RequestKey == key, ct) is { } raced)
            {
                return LetterRules.ToItem(raced);
            }

            throw;
        }

        return LetterRules.ToItem(record);
    }

    private static void Check(LetterKind kind, string text, ApplicationRecord r)
    {
        var errors = new List<string>();
        if (text.Length > MaxBodyLength)
        {
            errors.Add($"正文不能超过 {MaxBodyLength} 个字。");
        }

        if (!text.Contains(r.CaseNumber, StringComparison.Ordinal))
        {
            errors.Add($"正文须写明受理编号 {r.CaseNumber}。");
        }

        if (kind.StatesRemedies && !(text.Contains("行政复议", StringComparison.Ordinal) && text.Contains("行政诉讼", StringComparison.Ordinal)))
        {
            errors.Add("告知书、答复书须告知救济途径：申请行政复议（60日内）或提起行政诉讼（6个月内）。");
        }

        if (kind.Decision is { } d && !text.Contains(DecisionCatalog.Of(d).Name, StringComparison.Ordinal))
        {
            errors.Add($"答复书须写明答复类型“{DecisionCatalog.Of(d).Name}”。");
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Body"] = string.Join(string.Empty, errors) });
        }
    }

    /// <summary>The agency's next 文号 of the year; a concurrent issue retries with the next serial.</summary>
    private async Task<string> NextNumberAsync(Data.Agencies.AgencyRecord agency, AgencyLetterSettingsRecord settings, int year, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var sequence = await db.LetterNumberSequences.SingleOrDefaultAsync(s => s.AgencyId == agency.Id && s.Year == year, ct);
            if (sequence is null)
            {
                sequence = new LetterNumberSequenceRecord { AgencyId = agency.Id, Year = year, Next = 1 };
                db.LetterNumberSequences.Add(sequence);
            }

            var serial = sequence.Next;
            sequence.Next = serial + 1;
            try
            {
                await db.SaveChangesAsync(ct);
                return ApplicationIntake.FormatCaseNumber(settings.DocumentNumberPattern, agency.ShortName, year, serial);
            }
            catch (DbUpdateException) when (attempt < 50)
            {
                db.Entry(sequence).State = EntityState.Detached;
                await Task.Delay(Random.Shared.Next(1, 10 * Math.Min(attempt, 10)), ct);
            }
        }
    }
}

/// <summary>The letters of a case and the kinds it can have issued now.</summary>
[ReadOnlyUseCase]
public sealed class ListApplicationLetters(GongkaiDbContext db, StaffContext staff, CaseHistory history)
{
    public async Task<(IReadOnlyList<IssuedLetter> Issued, IReadOnlyList<AvailableLetter> Available)> ExecuteAsync(long applicationId, CancellationToken ct = default)
    {
        var loaded = await history.LoadAsync(applicationId, staff, ct);
        var r = loaded.Record;
        db.Entry(r).State = EntityState.Detached;
        var rows = await db.ApplicationLetters.AsNoTracking().Where(l => l.ApplicationId == applicationId).OrderBy(l => l.Id).ToListAsync(ct);
        var issued = rows.Select(LetterRules.ToItem).ToList();
        var available = LetterComposer.Available(r)
            .Select(a => new AvailableLetter(a.Kind, a.PauseSequence, LetterRules.Label(a.Kind, a.PauseSequence, r),
                rows.LastOrDefault(l => !l.Superseded && l.Kind == a.Kind.Key && l.PauseSequence == a.PauseSequence) is { } current ? LetterRules.ToItem(current) : null))
            .ToList();
        return (issued, available);
    }
}

/// <summary>
/// 下载文书: a letter's DOCX, printable HTML or PDF for the staff who may see its case (letters carry personal data, so
/// each download is written into the audit history). The PDF is printed from the kept HTML the first time it is asked
/// for and kept; without Chromium and a Chinese font the answer says what to install
/// (<see cref="ChromiumPdfRenderer.UnavailableCode"/>).
/// </summary>
[AuditAction("下载文书")]
public sealed class GetLetterFile(GongkaiDbContext db, StaffContext staff, AuditContext audit, LetterFiles letterFiles, TimeProvider clock)
{
    public async Task<LetterFile> ExecuteAsync(long letterId, LetterFormat format, CancellationToken ct = default)
    {
        staff.EnsureRole([.. IssueLetter.Roles, Data.Accounts.Roles.SystemAdministrator]);
        using var _ = audit.Begin(this);
        var row = await db.ApplicationLetters.SingleOrDefaultAsync(l => l.Id == letterId, ct);
        var app = row is null ? null : await db.Applications.AsNoTracking().Where(a => a.Id == row.ApplicationId).Select(a => new { a.AgencyId, a.AssignedAgencyId, a.CaseNumber }).SingleAsync(ct);
        if (row is null || app is null || !staff.CanSeeApplication(app.AgencyId, app.AssignedAgencyId))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该文书，或您无权查看。");
        }

        var file = await letterFiles.ReadAsync(row, app.CaseNumber, format, ct);
        db.AuditEntries.Add(audit.Viewed("申请文书", row.Id.ToString(CultureInfo.InvariantCulture), format.ToString().ToUpperInvariant(), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return file;
    }
}

/// <summary>Reads a letter's kept files and prints its PDF once (shared by staff and applicant downloads).</summary>
public sealed class LetterFiles(GongkaiDbContext db, IFileStore files, ChromiumPdfRenderer pdf)
{
    public async Task<LetterFile> ReadAsync(ApplicationLetterRecord row, string caseNumber, LetterFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var name = LetterRules.FileName(caseNumber, row.Title, format);
        switch (format)
        {
            case LetterFormat.Docx:
                return new LetterFile(name, LetterRules.ContentType(format), await files.ReadAllBytesAsync(row.DocxStorageKey, ct));
            case LetterFormat.Html:
                return new LetterFile(name, LetterRules.ContentType(format), await files.ReadAllBytesAsync(row.HtmlStorageKey, ct));
            case LetterFormat.Pdf:
                if (row.PdfStorageKey is { } kept)
                {
                    return new LetterFile(name, LetterRules.ContentType(format), await files.ReadAllBytesAsync(kept, ct));
                }

                var html = System.Text.Encoding.UTF8.GetString(await files.ReadAllBytesAsync(row.HtmlStorageKey, ct));
                var bytes = await pdf.RenderAsync(html, ct);
                row.PdfStorageKey = (await files.SaveBytesAsync(bytes, ct: ct))!.Key;

                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Printed twice at once: the other copy is kept, this one is still a good answer.
                }

                return new LetterFile(name, LetterRules.ContentType(format), bytes);
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }
}

/// <summary>
/// 申请人下载文书: the applicant gets the letters addressed to them (not superseded) with the case number and 查询码,
/// like the tracking page; any other letter or a wrong code is "not found".
/// </summary>
[AuditAction("申请人下载文书")]
public sealed class GetApplicantLetterFile(GongkaiDbContext db, AuditContext audit, Data.PersonalData.PersonalDataProtector protector, LetterFiles letterFiles, TimeProvider clock)
{
    public async Task<LetterFile> ExecuteAsync(string caseNumber, string queryCode, long letterId, LetterFormat format, CancellationToken ct = default)
    {
        using var _ = audit.Begin(this);
        var app = await TrackApplication.FindAsync(db, protector, caseNumber, queryCode, ct);
        var row = await db.ApplicationLetters.SingleOrDefaultAsync(l => l.Id == letterId && l.ApplicationId == app.Id && l.ToApplicant && !l.Superseded, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该文书。");
        var file = await letterFiles.ReadAsync(row, app.CaseNumber, format == LetterFormat.Html ? LetterFormat.Pdf : format, ct);
        db.AuditEntries.Add(audit.Viewed("申请文书", row.Id.ToString(CultureInfo.InvariantCulture), "申请人下载", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return file;
    }
}
