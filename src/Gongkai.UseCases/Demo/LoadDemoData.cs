using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Demo;

public enum DemoLoadOutcome
{
    Loaded,
    AlreadyLoaded,
}

/// <summary>
/// 载入演示数据 (`gongkai demo load`, or at start-up when Gongkai:Demo:Enabled is true) into an empty database only.
/// A database that holds real records is refused: demo data never mixes with real records. The demo applications
/// (<see cref="DemoCases"/>) are dated around today, so the queues show work due soon, overdue, paused and closed; before
/// them come the district government's complete past years (<see cref="DemoHistory"/>), whose 2024 gives the sample
/// annual report's tables 三 and 四, and its units' catalogue (<see cref="DemoCatalogue"/>: 2024 gives the report's
/// narrative figures; the current year is in progress).
/// </summary>
[AuditAction("载入演示数据")]
public sealed class LoadDemoData(GongkaiDbContext db, CreateAccount accounts, StaffContext staff, AuditContext audit, TimeProvider clock, DemoCases cases, DemoReports reports, DemoCatalogue catalogue, Publishing.CatalogueSearchIndexer search, Data.Files.IFileStore files, Microsoft.Extensions.Options.IOptions<Data.Configuration.GongkaiOptions> options)
{
    public const string RealRecordsCode = "demo.database_not_empty";

    public async Task<DemoLoadOutcome> ExecuteAsync(CancellationToken ct = default)
    {
        staff.EnsureRole(Data.Accounts.Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        if (await IsDemoDatabaseAsync(db, ct))
        {
            return DemoLoadOutcome.AlreadyLoaded;
        }

        if (await HoldsRecordsAsync(db, ct))
        {
            throw new DomainException(RealRecordsCode, "数据库中已有正式数据，不能载入演示数据。演示数据只能载入空数据库。");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var district = new AgencyRecord
        {
            Name = DemoAgencies.DistrictGovernment,
            ShortName = "昆都仑区政府",
            Kind = AgencyKind.Government,
            ReceivesApplications = true,
            ReportScope = ReportScope.Subtree,
            OfficeName = "包头市昆都仑区行政审批政务服务与数据管理局（区政务公开办）",
            OfficeHours = "工作日 8:30-12:00，14:30-18:00",
            OfficeAddress = "包头市昆都仑区政务服务中心（演示地址）",
            OfficePhone = "0472-0000000（演示）",
            IndexNumberPattern = DemoAgencies.IndexNumberPattern(0),
            Version = 1,
        };
        db.Agencies.Add(district);
        await db.SaveChangesAsync(ct);
        var order = 1;
        foreach (var unit in DemoAgencies.Units)
        {
            db.Agencies.Add(new AgencyRecord
            {
                Name = unit.Name,
                ShortName = unit.ShortName,
                Kind = unit.Kind,
                ParentId = district.Id,
                ReceivesApplications = unit.ReceivesApplications,
                OfficeName = unit.ShortName + "办公室",
                OfficeHours = "工作日 8:30-12:00，14:30-18:00",
                IndexNumberPattern = DemoAgencies.IndexNumberPattern(order),
                SortOrder = order++,
                Version = 1,
            });
        }

        await db.SaveChangesAsync(ct);
        var ids = await db.Agencies.ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        foreach (var account in DemoAccounts.All)
        {
            await accounts.ExecuteAsync(new AccountInput(account.UserName, account.DisplayName, account.Roles, [.. account.Agencies.Select(a => ids[a])]), DemoAccounts.Password, ct);
        }

        await db.SaveChangesAsync(ct);
        await LetterSettingsAsync(district.Id, ct);
        if (options.Value.Demo.Applications)
        {
            var operatorName = staff.DisplayName;
            await cases.LoadAsync(operatorName, ct);
            if (options.Value.Demo.History)
            {
                try
                {
                    await reports.RegisterDocumentsAsync(ct);
                    await catalogue.LoadAsync(ct);

                    // The demo catalogue is written in bulk, not through publication: index it in one pass.
                    await search.RebuildAsync(ct);
                    await reports.LoadAsync(ct);
                }
                finally
                {
                    staff.SetOperator(operatorName);
                }
            }
        }

        db.SystemSettings.Add(new SystemSettingRecord
        {
            Key = SystemSettingRecord.DemoDataKey,
            Value = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DemoLoadOutcome.Loaded;
    }

    /// <summary>
    /// The district government issues its letters under its own 文号 with the demo seal (which reads 演示专用) and names
    /// the 复议机关 and court; its departments keep the defaults until their office sets them.
    /// </summary>
    private async Task LetterSettingsAsync(int districtId, CancellationToken ct)
    {
        await using var seal = typeof(LoadDemoData).Assembly.GetManifestResourceStream("Gongkai.UseCases.Demo.demo-seal.png")
            ?? throw new InvalidOperationException("the demo seal is not embedded");
        var stored = await files.SaveAsync(seal, 1024 * 1024, ct) ?? throw new InvalidOperationException("the demo seal is too large");
        db.AgencyLetterSettings.Add(new Data.Letters.AgencyLetterSettingsRecord
        {
            AgencyId = districtId,
            DocumentNumberPattern = "昆政信复〔{YYYY}〕{N}号",
            ReviewBody = "包头市人民政府",
            Court = "包头市中级人民法院",
            SealStorageKey = stored.Key,
            SealContentType = "image/png",
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = staff.DisplayName,
            Version = 1,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>True when the database was filled by the demo loader: every page then shows the 演示数据 banner.</summary>
    public static Task<bool> IsDemoDatabaseAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SystemSettings.AnyAsync(s => s.Key == SystemSettingRecord.DemoDataKey, ct);
    }

    /// <summary>Whether any record of the domain exists (the official calendar does not count: it is reference data).</summary>
    public static async Task<bool> HoldsRecordsAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Agencies.AnyAsync(ct) || await db.Users.AnyAsync(ct);
    }
}
