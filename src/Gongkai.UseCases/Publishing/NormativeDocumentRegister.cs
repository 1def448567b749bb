using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Core.Reports;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>A document to register, as typed.</summary>
public sealed record NormativeDocumentInput
{
    public int AgencyId { get; init; }

    public NormativeDocumentKind Kind { get; init; } = NormativeDocumentKind.NormativeDocument;

    public string? Title { get; init; }

    public string? DocumentNumber { get; init; }

    public DateOnly? Issued { get; init; }

    public DateOnly? Effective { get; init; }

    public DateOnly? Expires { get; init; }
}

/// <summary>A change to a registered document: 修改 (amended on a date, with what changed), 废止, a new term, or a correction of the register entry.</summary>
public abstract record NormativeDocumentChange(string? Note);

/// <summary>废止 on a date, optionally naming the document that repealed it.</summary>
public sealed record RepealDocument(DateOnly On, string? RepealedBy, string? Note = null) : NormativeDocumentChange(Note);

/// <summary>修改: the document was amended on a date (it stays in force; the amending document is registered on its own).</summary>
public sealed record AmendDocument(DateOnly On, string Note) : NormativeDocumentChange(Note);

/// <summary>有效期: a new end of term (null: no term), e.g. extended after evaluation.</summary>
public sealed record ChangeDocumentTerm(DateOnly? Expires, string? Note = null) : NormativeDocumentChange(Note);

/// <summary>更正登记信息: the entry was typed wrong.</summary>
public sealed record CorrectDocumentEntry(NormativeDocumentInput Entry, string Note) : NormativeDocumentChange(Note);

/// <summary>Who keeps the register and the rules of its entries.</summary>
public static class NormativeDocumentRegisterRules
{
    public const string DuplicateCode = "register.duplicate";

    /// <summary>承办人, 工作机构负责人, 政务公开办, 发布员 of the agency, and 系统管理员.</summary>
    public static IReadOnlyList<string> Roles { get; } = [Data.Accounts.Roles.Clerk, Data.Accounts.Roles.OfficeHead, Data.Accounts.Roles.DisclosureOffice, Data.Accounts.Roles.Publisher, Data.Accounts.Roles.SystemAdministrator];

    public static string KindName(NormativeDocumentKind kind) => kind == NormativeDocumentKind.Regulation ? "规章" : "行政规范性文件";

    public static string ChangeName(string kind) => kind switch
    {
        "registered" => "登记",
        "amended" => "修改",
        "repealed" => "废止",
        "term_changed" => "调整有效期",
        "corrected" => "更正登记信息",
        _ => kind,
    };

    internal static (string Title, string Number, DateOnly Issued) Check(NormativeDocumentInput input, DateOnly today)
    {
        var v = new Validation();
        var title = (input.Title ?? string.Empty).Trim();
        var number = (input.DocumentNumber ?? string.Empty).Trim();
        v.Require("Title", title, "文件名称", 300);
        v.Require("DocumentNumber", number, "文号", 100);
        if (!Enum.IsDefined(input.Kind))
        {
            v.Add("Kind", "请选择规章或行政规范性文件。");
        }

        if (input.Issued is not { } issued)
        {
            v.Add("Issued", "请填写印发日期。");
            issued = default;
        }
        else if (issued > today)
        {
            v.Add("Issued", "印发日期不能晚于今天。");
        }
        else if (issued.Year < 1980)
        {
            v.Add("Issued", "印发日期不正确。");
        }

        if (input.Effective is { } effective && input.Issued is { } i1 && effective < i1)
        {
            v.Add("Effective", "施行日期不能早于印发日期。");
        }

        if (input.Expires is { } expires && input.Issued is { } i2 && expires <= i2)
        {
            v.Add("Expires", "有效期截止日期须晚于印发日期。");
        }

        v.ThrowIfInvalid();
        return (title, number, issued);
    }
}

/// <summary>登记: adds a 规章 or 行政规范性文件 to the agency's register. Its 文号 is unique in the agency's register.</summary>
[AuditAction("登记规范性文件")]
public sealed class RegisterNormativeDocument(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(NormativeDocumentInput input, string? requestKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureCanSee(input.AgencyId);
        staff.EnsureRole([.. NormativeDocumentRegisterRules.Roles]);
        var key = Reports.ReportRules.Key(requestKey);
        if (key is not null && await db.NormativeDocumentEvents.AsNoTracking().Where(e => e.RequestKey == key && e.Kind == "registered").Select(e => (int?)e.DocumentId).FirstOrDefaultAsync(ct) is { } done)
        {
            return done;
        }

        using var _ = audit.Begin(this);
        var (title, number, issued) = NormativeDocumentRegisterRules.Check(input, clock.Today());
        if (await db.NormativeDocuments.AnyAsync(d => d.AgencyId == input.AgencyId && d.DocumentNumber == number, ct))
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["DocumentNumber"] = $"本机关的登记簿中已有文号为“{number}”的文件。" });
        }

        var now = clock.UtcNow;
        var record = new NormativeDocumentRecord
        {
            AgencyId = input.AgencyId,
            Kind = input.Kind,
            Title = title,
            DocumentNumber = number,
            Issued = issued,
            Effective = input.Effective,
            Expires = input.Expires,
            CreatedAt = now,
            CreatedBy = staff.DisplayName,
            UpdatedAt = now,
            UpdatedBy = staff.DisplayName,
            Version = 1,
        };
        db.NormativeDocuments.Add(record);
        db.NormativeDocumentEvents.Add(new NormativeDocumentEventRecord { Document = record, Kind = "registered", On = issued, At = now, Actor = staff.DisplayName, RequestKey = key });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(NormativeDocumentRegisterRules.DuplicateCode, $"本机关的登记簿中已有文号为“{number}”的文件（可能刚被其他人登记）。");
        }

        return record.Id;
    }
}

/// <summary>修改、废止、调整有效期、更正: a change to a registered document, recorded in its history; a stale page is refused.</summary>
[AuditAction("变更规范性文件")]
public sealed class ChangeNormativeDocument(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, NormativeDocumentChange change, string? requestKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var record = await db.NormativeDocuments.SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该文件，或您无权查看。");
        staff.EnsureCanSee(record.AgencyId);
        staff.EnsureRole([.. NormativeDocumentRegisterRules.Roles]);
        var key = Reports.ReportRules.Key(requestKey);
        if (key is not null && await db.NormativeDocumentEvents.AsNoTracking().AnyAsync(e => e.DocumentId == id && e.RequestKey == key, ct))
        {
            return record.Version;
        }

        using var _ = audit.Begin(this);
        if (record.Version != expectedVersion)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, $"该文件的登记信息已于 {record.UpdatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 由{record.UpdatedBy}修改，您看到的页面已过期，本次修改未保存。请刷新后再改。");
        }

        var today = clock.Today();
        var note = (change.Note ?? string.Empty).Trim();
        if (note.Length > 1000)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Note"] = "说明不能超过 1000 个字。" });
        }

        string kind;
        DateOnly? on;
        switch (change)
        {
            case RepealDocument r:
                if (record.Repealed is not null)
                {
                    throw new DomainException(Reports.ReportRules.StateCode, $"该文件已于 {record.Repealed:yyyy-MM-dd} 废止。");
                }

                if (r.On < record.Issued || r.On > today)
                {
                    throw new ValidationFailedException(new Dictionary<string, string> { ["On"] = "废止日期须在印发日期之后，且不晚于今天。" });
                }

                record.Repealed = r.On;
                record.RepealedBy = string.IsNullOrWhiteSpace(r.RepealedBy) ? null : r.RepealedBy.Trim()[..Math.Min(300, r.RepealedBy.Trim().Length)];
                (kind, on) = ("repealed", r.On);
                break;
            case AmendDocument a:
                if (note.Length == 0)
                {
                    throw new ValidationFailedException(new Dictionary<string, string> { ["Note"] = "请写明修改的内容或修改文件的文号。" });
                }

                if (a.On < record.Issued || a.On > today)
                {
                    throw new ValidationFailedException(new Dictionary<string, string> { ["On"] = "修改日期须在印发日期之后，且不晚于今天。" });
                }

                (kind, on) = ("amended", a.On);
                break;
            case ChangeDocumentTerm t:
                if (t.Expires is { } e && e <= record.Issued)
                {
                    throw new ValidationFailedException(new Dictionary<string, string> { ["Expires"] = "有效期截止日期须晚于印发日期。" });
                }

                record.Expires = t.Expires;
                (kind, on) = ("term_changed", t.Expires);
                break;
            case CorrectDocumentEntry c:
                if (note.Length == 0)
                {
                    throw new ValidationFailedException(new Dictionary<string, string> { ["Note"] = "请写明更正的原因。" });
                }

                var (title, number, issued) = NormativeDocumentRegisterRules.Check(c.Entry with { AgencyId = record.AgencyId }, today);
                if (number != record.DocumentNumber && await db.NormativeDocuments.AnyAsync(d => d.AgencyId == record.AgencyId && d.DocumentNumber == number && d.Id != id, ct))
                {
                    throw new ValidationFailedException(new Dictionary<string, string> { ["DocumentNumber"] = $"本机关的登记簿中已有文号为“{number}”的文件。" });
                }

                record.Kind = c.Entry.Kind;
                record.Title = title;
                record.DocumentNumber = number;
                record.Issued = issued;
                record.Effective = c.Entry.Effective;
                record.Expires = c.Entry.Expires;
                (kind, on) = ("corrected", null);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change));
        }

        var now = clock.UtcNow;
        record.UpdatedAt = now;
        record.UpdatedBy = staff.DisplayName;
        record.Version++;
        db.NormativeDocumentEvents.Add(new NormativeDocumentEventRecord { DocumentId = id, Kind = kind, On = on, Note = note.Length == 0 ? null : note, At = now, Actor = staff.DisplayName, RequestKey = key });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, "该文件刚被其他人修改，本次修改未保存。请刷新后再改。");
        }

        return record.Version;
    }
}

/// <summary>What the register list is filtered by: agency, kind, in force on a day, issued in a year, words of the title or 文号.</summary>
public sealed record NormativeDocumentQuery
{
    public int? AgencyId { get; init; }

    public NormativeDocumentKind? Kind { get; init; }

    public DateOnly? InForceOn { get; init; }

    public int? IssuedIn { get; init; }

    public string? Text { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

public sealed record NormativeDocumentItem(int Id, int AgencyId, string AgencyName, NormativeDocumentKind Kind, string Title, string DocumentNumber, DateOnly Issued, DateOnly? Effective, DateOnly? Expires, DateOnly? Repealed, bool InForceToday);

/// <summary>规范性文件登记簿: the documents of the agencies this user may see, newest first; "in force on a day" answers what was valid then.</summary>
[ReadOnlyUseCase]
public sealed class ListNormativeDocuments(GongkaiDbContext db, StaffContext staff, AgencyClock clock)
{
    public async Task<Page<NormativeDocumentItem>> ExecuteAsync(NormativeDocumentQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var visible = staff.VisibleAgencies?.ToList();
        var q = db.NormativeDocuments.AsNoTracking().Where(d => visible == null || visible.Contains(d.AgencyId));
        if (query.AgencyId is { } agency)
        {
            q = q.Where(d => d.AgencyId == agency);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(d => d.Kind == kind);
        }

        if (query.InForceOn is { } day)
        {
            q = q.Where(d => d.Issued <= day && (d.Repealed == null || d.Repealed > day) && (d.Expires == null || d.Expires >= day));
        }

        if (query.IssuedIn is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(d => d.Issued >= from && d.Issued <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(d => d.Title.Contains(text) || d.DocumentNumber.Contains(text));
        }

        var total = await q.CountAsync(ct);
        var page = PageRequest.Normalise(query.Page, query.PageSize, total);
        var rows = await q.OrderByDescending(d => d.Issued).ThenByDescending(d => d.Id).Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var today = clock.Today();
        return new Page<NormativeDocumentItem>(
            [.. rows.Select(d => new NormativeDocumentItem(d.Id, d.AgencyId, names.GetValueOrDefault(d.AgencyId, string.Empty), d.Kind, d.Title, d.DocumentNumber, d.Issued, d.Effective, d.Expires, d.Repealed, NormativeDocumentRules.InForceOn(new RegisteredDocument(d.Kind, d.Issued, d.Repealed, d.Expires), today)))],
            page.Page,
            page.PageSize,
            total);
    }
}

public sealed record NormativeDocumentDetail(NormativeDocumentRecord Document, string AgencyName, IReadOnlyList<NormativeDocumentEventRecord> History, bool MayChange);

/// <summary>One registered document with its history.</summary>
[ReadOnlyUseCase]
public sealed class GetNormativeDocument(GongkaiDbContext db, StaffContext staff)
{
    public async Task<NormativeDocumentDetail> ExecuteAsync(int id, CancellationToken ct = default)
    {
        var d = await db.NormativeDocuments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该文件，或您无权查看。");
        staff.EnsureCanSee(d.AgencyId);
        var history = await db.NormativeDocumentEvents.AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == d.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return new NormativeDocumentDetail(d, name, history, staff.IsUnrestricted || NormativeDocumentRegisterRules.Roles.Any(staff.IsInRole));
    }
}

/// <summary>Table 二 （一） from the register: for the given agencies and year, or null when they have registered nothing (the entered figures apply then).</summary>
public static class RegisterTable2
{
    public static async Task<(DocumentCounts Regulations, DocumentCounts NormativeDocuments)?> CountAsync(GongkaiDbContext db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = agencyIds.ToList();
        var last = new DateOnly(year, 12, 31);
        if (!await db.NormativeDocuments.AnyAsync(d => ids.Contains(d.AgencyId), ct))
        {
            return null;
        }

        var docs = await db.NormativeDocuments.AsNoTracking()
            .Where(d => ids.Contains(d.AgencyId) && d.Issued <= last)
            .Select(d => new RegisteredDocument(d.Kind, d.Issued, d.Repealed, d.Expires))
            .ToListAsync(ct);
        return (NormativeDocumentRules.Count(docs, NormativeDocumentKind.Regulation, year), NormativeDocumentRules.Count(docs, NormativeDocumentKind.NormativeDocument, year));
    }

    /// <summary>The same for many agencies, each on its own documents, in one query; agencies without documents are absent.</summary>
    public static async Task<IReadOnlyDictionary<int, (DocumentCounts Regulations, DocumentCounts NormativeDocuments)>> CountByAgencyAsync(GongkaiDbContext db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = agencyIds.ToList();
        var last = new DateOnly(year, 12, 31);
        var docs = await db.NormativeDocuments.AsNoTracking()
            .Where(d => ids.Contains(d.AgencyId))
            .Select(d => new { d.AgencyId, d.Kind, d.Issued, d.Repealed, d.Expires })
            .ToListAsync(ct);
        return docs.GroupBy(d => d.AgencyId).ToDictionary(g => g.Key, g =>
        {
            var list = g.Where(d => d.Issued <= last).Select(d => new RegisteredDocument(d.Kind, d.Issued, d.Repealed, d.Expires)).ToList();
            return (NormativeDocumentRules.Count(list, NormativeDocumentKind.Regulation, year), NormativeDocumentRules.Count(list, NormativeDocumentKind.NormativeDocument, year));
        });
    }
}
