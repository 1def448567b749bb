using Gongkai.Core.Common;
using Gongkai.Data.Agencies;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Demo;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongkai.UseCases.Tests.Agencies;

public abstract class AgencyTests(DatabaseProvider provider) : DemoWorld(provider)
{
    private const string Education = "包头市昆都仑区教育局";
    private const string Zhaotan = "包头市昆都仑区沼潭街道办事处";

    [ProviderFact]
    public async Task The_disclosure_office_of_the_district_sees_every_unit_and_a_clerk_only_their_own()
    {
        var office = await AsStaff<ListAgencies, IReadOnlyList<AgencyNode>>("gkb", u => u.ExecuteAsync());
        Assert.Equal(1 + DemoAgencies.Units.Count, office.Count);
        Assert.Equal(DemoAgencies.DistrictGovernment, office[0].Name);
        Assert.All(office.Skip(1), n => Assert.Equal(1, n.Depth));

        var clerk = await AsStaff<ListAgencies, IReadOnlyList<AgencyNode>>("jyj-cb", u => u.ExecuteAsync());
        Assert.Equal([Education], clerk.Select(n => n.Name));
    }

    [ProviderFact]
    public async Task An_agency_of_another_branch_is_not_found_rather_than_forbidden()
    {
        var zhaotan = await AgencyIdAsync(Zhaotan);
        var ex = await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetAgency, AgencyRecord>("jyj-cb", u => u.ExecuteAsync(zhaotan)));
        Assert.Equal(StaffContext.NotFoundCode, ex.Code);
    }

    [ProviderFact]
    public async Task A_clerk_acting_for_two_agencies_sees_the_one_chosen()
    {
        var health = await AsStaff<ListAgencies, IReadOnlyList<AgencyNode>>("mzj-cb", u => u.ExecuteAsync(), "包头市昆都仑区卫生健康委员会");
        Assert.Equal(["包头市昆都仑区卫生健康委员会"], health.Select(n => n.Name));
    }

    [ProviderFact]
    public async Task Only_system_administrators_create_agencies_and_the_new_one_gets_defaults()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var input = new AgencyInput { Name = "包头市昆都仑区退役军人事务局", ShortName = "区退役军人局", Kind = AgencyKind.Department, ParentId = district, CreditCode = "11441700007280420Y" };
        var refused = await Assert.ThrowsAsync<DomainException>(() => AsStaff<CreateAgency, int>("gkb", u => u.ExecuteAsync(input)));
        Assert.Equal(StaffContext.ForbiddenCode, refused.Code);

        var id = await AsStaff<CreateAgency, int>("admin", u => u.ExecuteAsync(input));
        var saved = await QueryAsync(db => db.Agencies.SingleAsync(a => a.Id == id));
        Assert.Equal(AgencyRecord.DefaultIndexNumberPattern, saved.IndexNumberPattern);
        Assert.Equal(1, saved.Version);
        Assert.Equal("11441700007280420Y", saved.CreditCode);
    }

    [ProviderFact]
    public async Task Every_problem_of_an_agency_is_reported_at_once_in_chinese()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var input = new AgencyInput
        {
            Name = Education,
            ShortName = " ",
            Kind = AgencyKind.Department,
            ParentId = district,
            CreditCode = "11441700007280420X",
            OfficeEmail = "not-an-address",
            OfficeWebsite = "ftp://example.invalid",
            IndexNumberPattern = "{统一社会信用代码}/{YYYY}",
        };
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<CreateAgency, int>("admin", u => u.ExecuteAsync(input)));
        Assert.Contains("请填写简称", ex.Errors["ShortName"], StringComparison.Ordinal);
        Assert.Contains("校验位不正确", ex.Errors["CreditCode"], StringComparison.Ordinal);
        Assert.Contains("格式不正确", ex.Errors["OfficeEmail"], StringComparison.Ordinal);
        Assert.Contains("http", ex.Errors["OfficeWebsite"], StringComparison.Ordinal);
        Assert.Contains("流水号", ex.Errors["IndexNumberPattern"], StringComparison.Ordinal);

        var dup = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<CreateAgency, int>("admin", u => u.ExecuteAsync(input with { ShortName = "x", CreditCode = null, OfficeEmail = "", OfficeWebsite = "", IndexNumberPattern = "" })));
        Assert.Contains("已有名为", dup.Errors["Name"], StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_agency_cannot_be_moved_below_itself()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var education = await AgencyIdAsync(Education);
        var child = await AsStaff<CreateAgency, int>("admin", u => u.ExecuteAsync(new AgencyInput { Name = "教育局下属单位", ShortName = "下属", ParentId = education }));
        var record = await QueryAsync(db => db.Agencies.SingleAsync(a => a.Id == education));
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<UpdateAgency, bool>("admin", async u =>
        {
            await u.ExecuteAsync(education, AgencyInput.From(record) with { ParentId = child }, record.Version);
            return true;
        }));
        Assert.Contains("下级", ex.Errors["ParentId"], StringComparison.Ordinal);
        Assert.Equal(district, await QueryAsync(db => db.Agencies.Where(a => a.Id == education).Select(a => a.ParentId).SingleAsync()));
    }

    [ProviderFact]
    public async Task A_concurrent_edit_is_detected_and_the_first_save_is_kept()
    {
        var education = await AgencyIdAsync(Education);
        var opened = await QueryAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == education));
        await AsStaff<UpdateAgency, bool>("admin", async u =>
        {
            await u.ExecuteAsync(education, AgencyInput.From(opened) with { OfficePhone = "0472-1111111" }, opened.Version);
            return true;
        });
        var ex = await Assert.ThrowsAsync<DomainException>(() => AsStaff<UpdateAgency, bool>("admin", async u =>
        {
            await u.ExecuteAsync(education, AgencyInput.From(opened) with { OfficePhone = "0472-2222222" }, opened.Version);
            return true;
        }));
        Assert.Equal(UpdateAgency.ConcurrentEditCode, ex.Code);
        Assert.Contains("其他人修改", ex.Message, StringComparison.Ordinal);
        Assert.Equal("0472-1111111", await QueryAsync(db => db.Agencies.Where(a => a.Id == education).Select(a => a.OfficePhone).SingleAsync()));
    }

    [ProviderFact]
    public async Task A_vertically_managed_unit_is_supervised_by_its_supervisor_not_its_parent()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var education = await AgencyIdAsync(Education);
        var unit = await AsStaff<CreateAgency, int>("admin", u => u.ExecuteAsync(new AgencyInput { Name = "某垂直管理单位", ShortName = "垂管", ParentId = district, SupervisorId = education }));
        var tree = await QueryAsync(db => AgencyTree.LoadAsync(db));
        Assert.Contains(unit, tree.SupervisedBy(education));
        Assert.Contains(unit, tree.SupervisedBy(district));
        Assert.DoesNotContain(unit, tree.SupervisedBy(await AgencyIdAsync(Zhaotan)));
    }

    [ProviderFact]
    public async Task An_excel_import_adds_every_row_or_none_and_names_each_broken_row()
    {
        var good = Sheet(
            Row("包头市昆都仑区统计局", "区统计局", "部门", DemoAgencies.DistrictGovernment),
            Row("统计局普查中心", "普查中心", "派出机构", "包头市昆都仑区统计局"));
        var created = await AsStaff<ImportAgencies, int>("admin", u => u.ExecuteAsync(good));
        Assert.Equal(2, created);
        Assert.Equal(await AgencyIdAsync("包头市昆都仑区统计局"), await QueryAsync(db => db.Agencies.Where(a => a.Name == "统计局普查中心").Select(a => a.ParentId).SingleAsync()));

        var before = await QueryAsync(db => db.Agencies.CountAsync());
        var bad = Sheet(
            Row("包头市昆都仑区审计局", "区审计局", "部门", DemoAgencies.DistrictGovernment),
            Row("某单位", "某", "委员会", DemoAgencies.DistrictGovernment),
            Row("另一单位", "另", "部门", "不存在的机关"),
            Row("包头市昆都仑区统计局", "重复", "部门", DemoAgencies.DistrictGovernment));
        var ex = await Assert.ThrowsAsync<ImportRejectedException>(() => AsStaff<ImportAgencies, int>("admin", u => u.ExecuteAsync(bad)));
        Assert.Equal([3, 4, 5], ex.Errors.Select(e => e.Row));
        Assert.Contains("机构类型“委员会”无效", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("不存在", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("已有名为", ex.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(db => db.Agencies.CountAsync()));
        Assert.False(await QueryAsync(db => db.Agencies.AnyAsync(a => a.Name == "包头市昆都仑区审计局")));
    }

    [ProviderFact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_clear_message()
    {
        using var junk = new MemoryStream("这不是 Excel 文件"u8.ToArray());
        var ex = await Assert.ThrowsAsync<DomainException>(() => AsStaff<ImportAgencies, int>("admin", u => u.ExecuteAsync(junk)));
        Assert.Contains("无法读取该文件", ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, object> Row(string name, string shortName, string kind, string parent) => new()
    {
        ["机构名称"] = name,
        ["简称"] = shortName,
        ["机构类型"] = kind,
        ["上级机关"] = parent,
        ["受理申请"] = "是",
    };

    private static MemoryStream Sheet(params Dictionary<string, object>[] rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;
        return stream;
    }
}

public sealed class SqliteAgencyTests() : AgencyTests(DatabaseProvider.Sqlite);

public sealed class PostgresAgencyTests() : AgencyTests(DatabaseProvider.Postgres);
