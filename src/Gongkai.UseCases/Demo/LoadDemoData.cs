using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Demo;

public enum DemoLoadOutcome
{
    Loaded,
    AlreadyLoaded,
}

/// <summary>
/// Loads the demo data (`gongkai demo load`, or at start-up when Gongkai:Demo:Enabled is true) into an empty
/// database only. A database that holds real records is refused: demo data never mixes with real records.
/// </summary>
public sealed class LoadDemoData(GongkaiDbContext db, CreateAccount accounts, TimeProvider clock)
{
    public const string RealRecordsCode = "demo.database_not_empty";

    public async Task<DemoLoadOutcome> ExecuteAsync(CancellationToken ct = default)
    {
        if (await IsDemoDatabaseAsync(db, ct))
        {
            return DemoLoadOutcome.AlreadyLoaded;
        }

        if (await HoldsRecordsAsync(db, ct))
        {
            throw new DomainException(RealRecordsCode, "数据库中已有正式数据，不能载入演示数据。演示数据只能载入空数据库。");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var district = new AgencyRecord { Name = DemoAgencies.DistrictGovernment, ShortName = "昆都仑区政府", Kind = AgencyKind.Government, SortOrder = 0 };
        db.Agencies.Add(district);
        await db.SaveChangesAsync(ct);
        var order = 1;
        foreach (var (name, shortName, kind) in DemoAgencies.Units)
        {
            db.Agencies.Add(new AgencyRecord { Name = name, ShortName = shortName, Kind = kind, ParentId = district.Id, SortOrder = order++ });
        }

        foreach (var account in DemoAccounts.All)
        {
            await accounts.ExecuteAsync(account.UserName, account.DisplayName, account.Roles, DemoAccounts.Password, ct);
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
        return await db.Agencies.AnyAsync(ct);
    }
}
