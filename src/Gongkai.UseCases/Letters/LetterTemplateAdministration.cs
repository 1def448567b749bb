using Gongkai.Core.Common;
using Gongkai.Core.Letters;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Files;
using Gongkai.Data.Letters;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Letters;

/// <summary>One kind's template as an agency sees it in the editor.</summary>
public sealed record LetterTemplateItem(LetterKind Kind, string Title, string Body, string Source, bool Own, int? Version, IReadOnlyList<LetterField> Fields, IReadOnlyList<string> Required);

/// <summary>An agency's letter settings, with whether a seal is on file.</summary>
public sealed record LetterSettings(int AgencyId, string AgencyName, string DocumentNumberPattern, string ReviewBody, string Court, bool HasSeal, int Version, string Example);

/// <summary>Who may change an agency's letters: 系统管理员 anywhere, 政务公开办 for the agencies it supervises.</summary>
internal static class LetterAdministration
{
    public static void EnsureMayEdit(StaffContext staff, int agencyId)
    {
        staff.EnsureRole(Roles.SystemAdministrator, Roles.DisclosureOffice);
        staff.EnsureCanSee(agencyId);
    }

    public static async Task<Data.Agencies.AgencyRecord> AgencyAsync(GongkaiDbContext db, int agencyId, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct)
        ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");

    public static DomainException Stale(string what, string by, DateTimeOffset at) =>
        new(CaseHistoryCodes.Concurrent, $"{what}已于 {at.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 由{by}修改，您看到的页面已过期，本次修改未保存。请刷新后再改。");
}

internal static class CaseHistoryCodes
{
    public const string Concurrent = Cases.CaseHistory.ConcurrentChangeCode;
}

/// <summary>文书模板: every kind's template in force for an agency, where it comes from, and its placeholders.</summary>
[ReadOnlyUseCase]
public sealed class ListLetterTemplates(GongkaiDbContext db, StaffContext staff, LetterComposer composer)
{
    public async Task<IReadOnlyList<LetterTemplateItem>> ExecuteAsync(int agencyId, CancellationToken ct = default)
    {
        LetterAdministration.EnsureMayEdit(staff, agencyId);
        await LetterAdministration.AgencyAsync(db, agencyId, ct);
        var tree = await AgencyTree.LoadAsync(db, ct);
        var list = new List<LetterTemplateItem>();
        foreach (var kind in LetterKind.All)
        {
            list.Add(Item(await composer.TemplateAsync(agencyId, kind, tree, ct), agencyId));
        }

        return list;
    }

    internal static LetterTemplateItem Item(EffectiveTemplate t, int agencyId) => new(
        t.Template.Kind, t.Template.Title, t.Template.Body, t.Source, t.OwnerAgencyId == agencyId, t.OwnerAgencyId == agencyId ? t.Version : null,
        [.. LetterTemplate.Fields.Where(f => f.AppliesTo(t.Template.Kind))], [.. LetterTemplate.Required(t.Template.Kind)]);
}

/// <summary>One kind's template for an agency (for the editor).</summary>
[ReadOnlyUseCase]
public sealed class GetLetterTemplate(GongkaiDbContext db, StaffContext staff, LetterComposer composer)
{
    public async Task<LetterTemplateItem> ExecuteAsync(int agencyId, string kindKey, CancellationToken ct = default)
    {
        LetterAdministration.EnsureMayEdit(staff, agencyId);
        await LetterAdministration.AgencyAsync(db, agencyId, ct);
        var kind = LetterRules.Kind(kindKey);
        var tree = await AgencyTree.LoadAsync(db, ct);
        return ListLetterTemplates.Item(await composer.TemplateAsync(agencyId, kind, tree, ct), agencyId);
    }
}

/// <summary>
/// 修改文书模板: saves an agency's own wording of a kind (used by it and by the agencies below it that have none of
/// their own). The template is checked (known placeholders only, the case number, and for written decisions the legal
/// basis and remedies); a concurrent edit is refused.
/// </summary>
[AuditAction("修改文书模板")]
public sealed class SaveLetterTemplate(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(int agencyId, string kindKey, string? title, string? body, int? expectedVersion, CancellationToken ct = default)
    {
        LetterAdministration.EnsureMayEdit(staff, agencyId);
        using var _ = audit.Begin(this);
        await LetterAdministration.AgencyAsync(db, agencyId, ct);
        var kind = LetterRules.Kind(kindKey);
        var template = LetterTemplate.Validated(kind, title, body);
        var row = await db.LetterTemplates.SingleOrDefaultAsync(t => t.AgencyId == agencyId && t.Kind == kind.Key, ct);
        if (row is null)
        {
            if (expectedVersion is not null)
            {
                throw new DomainException(CaseHistoryCodes.Concurrent, "该模板已被他人恢复为默认模板，本次修改未保存。请刷新后再改。");
            }

            row = new LetterTemplateRecord { AgencyId = agencyId, Kind = kind.Key, Version = 0 };
            db.LetterTemplates.Add(row);
        }
        else if (row.Version != expectedVersion)
        {
            throw LetterAdministration.Stale("该模板", row.UpdatedBy, row.UpdatedAt);
        }

        row.Title = template.Title;
        row.Body = template.Body;
        row.Version++;
        row.UpdatedAt = clock.UtcNow;
        row.UpdatedBy = staff.DisplayName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var current = await db.LetterTemplates.AsNoTracking().SingleAsync(t => t.AgencyId == agencyId && t.Kind == kind.Key, ct);
            throw LetterAdministration.Stale("该模板", current.UpdatedBy, current.UpdatedAt);
        }

        return row.Version;
    }
}

/// <summary>恢复默认文书模板: removes the agency's own wording; it then uses its parent's or the built-in one.</summary>
[AuditAction("恢复默认文书模板")]
public sealed class ResetLetterTemplate(GongkaiDbContext db, StaffContext staff, AuditContext audit)
{
    public async Task ExecuteAsync(int agencyId, string kindKey, CancellationToken ct = default)
    {
        LetterAdministration.EnsureMayEdit(staff, agencyId);
        using var _ = audit.Begin(this);
        var kind = LetterRules.Kind(kindKey);
        var row = await db.LetterTemplates.SingleOrDefaultAsync(t => t.AgencyId == agencyId && t.Kind == kind.Key, ct);
        if (row is not null)
        {
            db.LetterTemplates.Remove(row);
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>文书设置 of an agency.</summary>
[ReadOnlyUseCase]
public sealed class GetLetterSettings(GongkaiDbContext db, StaffContext staff, LetterComposer composer, AgencyClock clock)
{
    public async Task<LetterSettings> ExecuteAsync(int agencyId, CancellationToken ct = default)
    {
        LetterAdministration.EnsureMayEdit(staff, agencyId);
        var agency = await LetterAdministration.AgencyAsync(db, agencyId, ct);
        var s = await composer.SettingsAsync(agencyId, ct);
        return new LetterSettings(agencyId, agency.Name, s.DocumentNumberPattern, s.ReviewBody, s.Court, s.SealStorageKey is not null, s.Version,
            Cases.ApplicationIntake.FormatCaseNumber(s.DocumentNumberPattern, agency.ShortName, clock.Today().Year, 12));
    }
}

/// <summary>
/// 修改文书设置: the 文号 pattern (with {YYYY} and a serial {N}/{NNN}), the 复议机关 and court named in the remedies,
/// and the seal (PNG or JPEG of at most 1 MB, checked by its bytes; uploading replaces, removing leaves letters unsealed).
/// </summary>
[AuditAction("修改文书设置")]
public sealed class SaveLetterSettings(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, IFileStore files)
{
    public const int MaxSealBytes = 1024 * 1024;

    public async Task<int> ExecuteAsync(int agencyId, string? pattern, string? reviewBody, string? court, int expectedVersion, byte[]? seal = null, bool removeSeal = false, CancellationToken ct = default)
    {
        LetterAdministration.EnsureMayEdit(staff, agencyId);
        using var _ = audit.Begin(this);
        await LetterAdministration.AgencyAsync(db, agencyId, ct);
        var v = new Validation();
        var p = (pattern ?? string.Empty).Trim();
        if (p.Length is 0 or > 60 || !p.Contains("{YYYY}", StringComparison.Ordinal) || !System.Text.RegularExpressions.Regex.IsMatch(p, "\\{N+\\}"))
        {
            v.Add("DocumentNumberPattern", "文号格式须含年份 {YYYY} 和序号 {N}（或 {NNN} 表示补足 3 位），不超过 60 个字，如 {简称}信公〔{YYYY}〕{N}号。");
        }

        var rb = (reviewBody ?? string.Empty).Trim();
        var co = (court ?? string.Empty).Trim();
        if (rb.Length > 100)
        {
            v.Add("ReviewBody", "复议机关名称不能超过 100 个字。");
        }

        if (co.Length > 100)
        {
            v.Add("Court", "人民法院名称不能超过 100 个字。");
        }

        string? contentType = null;
        if (seal is not null)
        {
            contentType = SealType(seal);
            if (seal.Length == 0)
            {
                v.Add("Seal", "印章图片是空文件。");
            }
            else if (seal.Length > MaxSealBytes)
            {
                v.Add("Seal", "印章图片不能超过 1 MB。");
            }
            else if (contentType is null)
            {
                v.Add("Seal", "印章图片须为 PNG 或 JPEG 格式（建议透明底 PNG，约 4 厘米见方）。");
            }
        }

        v.ThrowIfInvalid();
        var row = await db.AgencyLetterSettings.SingleOrDefaultAsync(s => s.AgencyId == agencyId, ct);
        if (row is null)
        {
            row = new AgencyLetterSettingsRecord { AgencyId = agencyId, Version = 0 };
            db.AgencyLetterSettings.Add(row);
        }

        if (row.Version != expectedVersion)
        {
            throw LetterAdministration.Stale("文书设置", row.UpdatedBy, row.UpdatedAt);
        }

        var oldSeal = row.SealStorageKey;
        string? newSeal = null;
        if (seal is not null)
        {
            newSeal = (await files.SaveBytesAsync(seal, MaxSealBytes, ct))!.Key;
            row.SealStorageKey = newSeal;
            row.SealContentType = contentType;
        }
        else if (removeSeal)
        {
            row.SealStorageKey = null;
            row.SealContentType = null;
        }

        row.DocumentNumberPattern = p;
        row.ReviewBody = rb;
        row.Court = co;
        row.Version++;
        row.UpdatedAt = clock.UtcNow;
        row.UpdatedBy = staff.DisplayName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (newSeal is not null)
            {
                files.Delete(newSeal);
            }

            db.ChangeTracker.Clear();
            var current = await db.AgencyLetterSettings.AsNoTracking().SingleAsync(s => s.AgencyId == agencyId, ct);
            throw LetterAdministration.Stale("文书设置", current.UpdatedBy, current.UpdatedAt);
        }

        return row.Version;
    }

    private static string? SealType(byte[] head)
    {
        if (head.Length >= 8 && head.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        return head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF ? "image/jpeg" : null;
    }
}
