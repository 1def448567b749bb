using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Files;
using Gongkai.Data.Reports;
using Gongkai.Documents;
using Gongkai.Documents.Reports;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

/// <summary>The document formats a report is exported in.</summary>
public enum ReportFileFormat
{
    /// <summary>网页: self-contained HTML in the official layout.</summary>
    Html,

    /// <summary>Word (DOCX), editable, the same layout.</summary>
    Docx,

    /// <summary>PDF with a text layer, printed from the HTML.</summary>
    Pdf,

    /// <summary>The exchange JSON (report-json).</summary>
    Json,

    /// <summary>The tables as an Excel workbook.</summary>
    Xlsx,

    /// <summary>An imported report's original upload.</summary>
    Original,
}

public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>Builds a report's documents: the same content in every format, named after the report.</summary>
public sealed class ReportDocuments(ChromiumPdfRenderer pdf, IFileStore files)
{
    public static ReportFileFormat? Parse(string? format) => (format ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "html" => ReportFileFormat.Html,
        "docx" => ReportFileFormat.Docx,
        "pdf" => ReportFileFormat.Pdf,
        "json" => ReportFileFormat.Json,
        "xlsx" => ReportFileFormat.Xlsx,
        "original" => ReportFileFormat.Original,
        _ => null,
    };

    public static ReportDocumentInfo Info(AnnualReport report, string? introduction) =>
        string.IsNullOrWhiteSpace(introduction) ? ReportDocumentInfo.For(report) : ReportDocumentInfo.For(report) with { Introduction = introduction };

    public async Task<ReportFile> BuildAsync(AnnualReportRecord record, string agencyName, ReportFileFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = $"{agencyName}{record.Year}年政府信息公开工作年度报告" + (record.Edition > 1 ? $"（第{record.Edition}版）" : string.Empty);
        if (format == ReportFileFormat.Original)
        {
            return record.ImportedStorageKey is { } key
                ? new ReportFile(await files.ReadAllBytesAsync(key, ct), record.ImportedContentType ?? "application/octet-stream", record.ImportedFileName ?? name)
                : throw new DomainException(StaffContext.NotFoundCode, "这份报告不是导入的，没有原始文件。");
        }

        var report = ReportJson.Read(record.Content);
        report.Agency = agencyName;
        return await BuildAsync(report, record.Introduction, name, format, ct);
    }

    /// <summary>A report's document in one of the generated formats (not <see cref="ReportFileFormat.Original"/>).</summary>
    public async Task<ReportFile> BuildAsync(AnnualReport report, string? introduction, string name, ReportFileFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var info = Info(report, introduction);
        return format switch
        {
            ReportFileFormat.Html => new ReportFile(System.Text.Encoding.UTF8.GetBytes(ReportHtmlWriter.Write(report, info)), "text/html; charset=utf-8", name + ".html"),
            ReportFileFormat.Docx => new ReportFile(ReportDocxWriter.Write(report, info), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx"),
            ReportFileFormat.Pdf => new ReportFile(await pdf.RenderAsync(ReportHtmlWriter.Write(report, info), ct), "application/pdf", name + ".pdf"),
            ReportFileFormat.Json => new ReportFile(System.Text.Encoding.UTF8.GetBytes(ReportJson.Write(report)), "application/json; charset=utf-8", name + ".json"),
            ReportFileFormat.Xlsx => new ReportFile(ReportXlsxWriter.Write(report, info), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }
}

/// <summary>A report's document for staff who may see the agency, in any state (a draft prints as it stands).</summary>
[ReadOnlyUseCase]
public sealed class GetAnnualReportFile(ReportStore store, ReportDocuments documents)
{
    public async Task<ReportFile> ExecuteAsync(int id, ReportFileFormat format, CancellationToken ct = default)
    {
        var record = await store.LoadAsync(id, ct);
        var name = await store.Db.Agencies.AsNoTracking().Where(a => a.Id == record.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return await documents.BuildAsync(record, name, format, ct);
    }
}

/// <summary>A published report's document for everyone (drafts and unpublished editions are not found).</summary>
[ReadOnlyUseCase]
public sealed class GetPublishedReportFile(GongkaiDbContext db, ReportDocuments documents)
{
    public async Task<ReportFile> ExecuteAsync(int id, ReportFileFormat format, CancellationToken ct = default)
    {
        var record = await db.AnnualReports.AsNoTracking().Where(ReportRules.PublicEdition).SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该年度报告。");
        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == record.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return await documents.BuildAsync(record, name, format, ct);
    }
}

/// <summary>
/// 汇总表: for a 政务公开办, one workbook rolling up the year's reports of every unit it sees — the latest edition of
/// each (its state shown), units without a report listed as such.
/// </summary>
[ReadOnlyUseCase]
public sealed class GetReportRollup(GongkaiDbContext db, StaffContext staff)
{
    public async Task<ReportFile> ExecuteAsync(int year, CancellationToken ct = default)
    {
        staff.EnsureRole(Data.Accounts.Roles.DisclosureOffice, Data.Accounts.Roles.SystemAdministrator);
        ReportComputation.EnsureYear(year);
        var tree = await AgencyTree.LoadAsync(db, ct);
        var visible = staff.VisibleAgencies;
        var nodes = tree.Ordered.Where(n => visible is null || visible.Contains(n.Id)).ToList();
        var ids = nodes.Select(n => n.Id).ToList();
        var rows = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && ids.Contains(r.AgencyId))
            .Select(r => new { r.AgencyId, r.Edition, r.Status, r.Content }).ToListAsync(ct);
        var latest = rows.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Edition).First());
        var entries = nodes.Select(n => latest.TryGetValue(n.Id, out var r)
            ? new ReportRollupEntry(n.Name, ReportRules.StatusName(r.Status), ReportJson.Read(r.Content))
            : new ReportRollupEntry(n.Name, "未编制", null)).ToList();
        var office = staff.ActingAgencyId is { } acting ? tree.Find(acting)?.Name : null;
        var title = $"{office ?? "全部单位"}{year}年政府信息公开工作年度报告汇总表";
        return new ReportFile(ReportXlsxWriter.Rollup(title, entries), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", title + ".xlsx");
    }
}
