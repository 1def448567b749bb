using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data.Agencies;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Portal;
using Gongkai.UseCases.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.UseCases.Tests.Portal;

/// <summary>The 政府信息公开 column: the agency list, a column's directories, the 指南 generated from the records, the statutory counts.</summary>
public abstract class PortalColumnTests(DatabaseProvider provider) : DemoWorld(provider)
{
    /// <summary>A published item and its version written straight into the tables, then indexed as a bulk load is.</summary>
    private async Task<int> PublishedAsync(int agency, string title, ColumnDirectory directory, int? article20 = null, string? article21 = null, int daysAgo = 1, bool withdrawn = false)
    {
        var id = await QueryAsync(db => CatalogueRows.AddPublishedAsync(db, Database.Clock.GetUtcNow(), agency, title, directory, article20, article21, daysAgo, withdrawn));
        await InScopeAsync(sp => sp.GetRequiredService<CatalogueSearchIndexer>().RebuildAsync());
        return id;
    }

    [ProviderFact]
    public async Task Every_agency_has_a_column_listed_under_its_government()
    {
        var governments = await UseCase<ListColumnAgencies, IReadOnlyList<ColumnGovernment>>(u => u.ExecuteAsync());
        var district = Assert.Single(governments);
        Assert.Equal(DemoAgencies.DistrictGovernment, district.Name);
        Assert.Equal(DemoAgencies.Units.Count, district.Units.Count);
        Assert.Equal("包头市昆都仑区人民政府办公室", district.Units[0].Name);
        Assert.Contains(district.Units, u => u.Kind == AgencyKind.Township);
    }

    [ProviderFact]
    public async Task The_guide_gives_the_office_contacts_on_record_and_leaves_the_rest_unfilled()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var guide = await UseCase<GetAgencyGuide, AgencyGuide>(u => u.ExecuteAsync(district));
        Assert.Equal("0472-0000000（演示）", guide.Contact.Single(f => f.Label == "联系电话").Value);
        Assert.Equal("工作日 8:30-12:00，14:30-18:00", guide.Contact.Single(f => f.Label == "办公时间").Value);
        Assert.Null(guide.Contact.Single(f => f.Label == "传真").Value);
        Assert.Null(guide.Contact.Single(f => f.Label == "电子邮箱").Value);
        Assert.True(guide.ReceivesApplications);
        Assert.Null(guide.ApplyToName);
        Assert.Equal("包头市人民政府", guide.ReviewBody);
        Assert.Equal("包头市中级人民法院", guide.Court);
        Assert.Equal(CatalogueNames.Article21County, guide.Article21);
        Assert.NotEmpty(guide.Topics);
        Assert.Equal(20, guide.Clock.AnswerWorkingDays);
        Assert.Equal(10, guide.Fees.FreeApplicationsPerMonth);

        // The 区政府办 does not receive applications: the guide sends applicants to the district government.
        var office = await AgencyIdAsync("包头市昆都仑区人民政府办公室");
        var officeGuide = await UseCase<GetAgencyGuide, AgencyGuide>(u => u.ExecuteAsync(office));
        Assert.False(officeGuide.ReceivesApplications);
        Assert.Equal(DemoAgencies.DistrictGovernment, officeGuide.ApplyToName);
        Assert.Equal(district, officeGuide.ApplyToId);
        Assert.Equal("0472-0000000（演示）", officeGuide.ApplyContact.Single(f => f.Label == "联系电话").Value);
        Assert.Null(officeGuide.Contact.Single(f => f.Label == "联系电话").Value);

        var township = await AgencyIdAsync("包头市昆都仑区昆河镇人民政府");
        Assert.Equal(CatalogueNames.Article21Township, (await UseCase<GetAgencyGuide, AgencyGuide>(u => u.ExecuteAsync(township))).Article21);
    }

    [ProviderFact]
    public async Task The_guide_is_dated_by_the_last_change_to_the_agency()
    {
        var education = await AgencyIdAsync("包头市昆都仑区教育局");
        Database.Clock.Advance(TimeSpan.FromDays(3));
        var record = await QueryAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == education));
        await AsStaff<UpdateAgency, bool>("admin", async u =>
        {
            await u.ExecuteAsync(education, AgencyInput.From(record) with { OfficeFax = "0472-1234567" }, record.Version);
            return true;
        });
        Database.Clock.Advance(TimeSpan.FromDays(2));
        var guide = await UseCase<GetAgencyGuide, AgencyGuide>(u => u.ExecuteAsync(education));
        Assert.Equal(new DateOnly(2026, 11, 30), guide.UpdatedOn);
        Assert.Equal("0472-1234567", guide.Contact.Single(f => f.Label == "传真").Value);
    }

    [ProviderFact]
    public async Task A_column_shows_its_directories_newest_first_and_counts_statutory_items_by_article()
    {
        var education = await AgencyIdAsync("包头市昆都仑区教育局");
        var other = await AgencyIdAsync("包头市昆都仑区民政局");
        await PublishedAsync(education, "教育局政府信息公开工作制度", ColumnDirectory.Rules, daysAgo: 5);
        await PublishedAsync(education, "教育局依申请公开办理规程", ColumnDirectory.Rules, daysAgo: 2);
        await PublishedAsync(education, "2026年部门预算", ColumnDirectory.Statutory, article20: 7);
        await PublishedAsync(education, "2025年部门决算", ColumnDirectory.Statutory, article20: 7, daysAgo: 3);
        await PublishedAsync(education, "义务教育招生政策", ColumnDirectory.Statutory, article20: 11);
        await PublishedAsync(education, "校舍建设项目", ColumnDirectory.Statutory, article21: "公共服务");
        await PublishedAsync(education, "已撤回的预算", ColumnDirectory.Statutory, article20: 7, withdrawn: true);
        await PublishedAsync(other, "民政局预算", ColumnDirectory.Statutory, article20: 7);

        var column = await UseCase<GetAgencyColumn, AgencyColumn>(u => u.ExecuteAsync(education));
        Assert.Equal(["教育局依申请公开办理规程", "教育局政府信息公开工作制度"], column.Rules.Select(r => r.Title));
        Assert.Equal(2, column.RulesTotal);
        Assert.Equal(4, column.StatutoryTotal);
        Assert.Empty(column.Guide);
        Assert.Empty(column.Reports);
        Assert.Equal(DemoAgencies.DistrictGovernment, column.ParentName);

        var (name, kind, a20, a21, total) = await UseCase<CountStatutoryItems, (string, AgencyKind, IReadOnlyList<StatutoryGroup>, IReadOnlyList<StatutoryGroup>, int)>(u => u.ExecuteAsync(education));
        Assert.Equal("包头市昆都仑区教育局", name);
        Assert.Equal(AgencyKind.Department, kind);
        Assert.Equal(4, total);
        Assert.Equal(15, a20.Count);
        Assert.Equal(2, a20.Single(g => g.Article20Item == 7).Count);
        Assert.Equal(1, a20.Single(g => g.Article20Item == 11).Count);
        Assert.Equal("（七）财政预算、决算信息", a20[6].Label);
        Assert.Equal(1, a21.Single(g => g.Article21Item == "公共服务").Count);
    }

    [ProviderFact]
    public async Task An_unknown_agency_has_no_column()
    {
        var column = await Assert.ThrowsAsync<DomainException>(() => UseCase<GetAgencyColumn, AgencyColumn>(u => u.ExecuteAsync(999_999)));
        Assert.Equal(StaffContext.NotFoundCode, column.Code);
        var guide = await Assert.ThrowsAsync<DomainException>(() => UseCase<GetAgencyGuide, AgencyGuide>(u => u.ExecuteAsync(999_999)));
        Assert.Equal(StaffContext.NotFoundCode, guide.Code);
    }

    [ProviderFact]
    public async Task The_home_page_lists_the_active_key_areas_in_order()
    {
        var areas = await UseCase<ListKeyAreas, IReadOnlyList<KeyAreaLink>>(u => u.ExecuteAsync());
        Assert.NotEmpty(areas);
        var first = areas[0];
        await QueryAsync(async db =>
        {
            var term = await db.CatalogueTerms.SingleAsync(t => t.Id == first.Id);
            term.Active = false;
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await UseCase<ListKeyAreas, IReadOnlyList<KeyAreaLink>>(u => u.ExecuteAsync()), a => a.Id == first.Id);
    }
}

public sealed class SqlitePortalColumnTests() : PortalColumnTests(DatabaseProvider.Sqlite);

public sealed class PostgresPortalColumnTests() : PortalColumnTests(DatabaseProvider.Postgres);
