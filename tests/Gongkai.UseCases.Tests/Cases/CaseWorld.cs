using Gongkai.Core.Cases;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>
/// The demo world with helpers to drive a persisted application through its steps as real staff would: each call is
/// its own scope (one request), with the version the person saw.
/// </summary>
public abstract class CaseWorld(DatabaseProvider provider) : DemoWorld(provider)
{
    // A made-up number that passes the GB 11643 check, not a real person's.
    protected const string IdNumber = "11010519491231002X";

    /// <summary>工作机构负责人 of 区教育局: may take every step of the procedure.</summary>
    protected const string Head = "jyj-fz";

    protected const string Education = "包头市昆都仑区教育局";

    /// <summary>'Today' of the test clock (2026-11-27 in Beijing).</summary>
    protected static readonly DateOnly Today = new(2026, 11, 27);

    protected async Task<ApplicationInput> InputAsync(DateOnly arrived, Channel channel = Channel.InPerson, CaseType type = CaseType.InformationDisclosure, string agency = Education) => new()
    {
        AgencyId = await AgencyIdAsync(agency),
        ApplicantType = ApplicantType.NaturalPerson,
        ApplicantName = "王小明",
        IdDocumentType = IdDocumentType.ResidentIdCard,
        IdNumber = IdNumber,
        Phone = "13912345678",
        Description = type == CaseType.RecordCorrection ? "区教育局公布的2025年教师资格认定名单中本人姓名有误，应为“王小明”" : "2024年昆都仑区义务教育阶段学校招生划片范围的文件",
        ProvisionForm = ProvisionForm.Paper,
        DeliveryMethod = DeliveryMethod.Collect,
        Channel = channel,
        Arrived = arrived,
        Type = type,
    };

    /// <summary>Registers an application at 区教育局 (received on arrival for in person, oral and signed-for post).</summary>
    protected async Task<ApplicationRecord> RegisterAsync(DateOnly arrived, Channel channel = Channel.InPerson, CaseType type = CaseType.InformationDisclosure, string user = Head, string agency = Education)
    {
        var input = await InputAsync(arrived, channel, type, agency);
        return await AsStaff<RegisterApplication, ApplicationRecord>(user, u => u.ExecuteAsync(input));
    }

    /// <summary>Registers at 区教育局 and returns the intake result with the applicant's 查询码.</summary>
    protected async Task<IntakeResult> IntakeAsync(DateOnly arrived, Channel channel = Channel.InPerson, string? key = null)
    {
        var input = await InputAsync(arrived, channel);
        return await AsStaff<RegisterApplication, IntakeResult>(Head, u => u.ExecuteAsync(input, [], key));
    }

    protected Task<int> VersionAsync(long id) => QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    /// <summary>Takes one step on the version the case has now, as <paramref name="user"/>.</summary>
    protected async Task<CaseStepResult> StepAsync(long id, CaseStep step, string user = Head, string? key = null)
    {
        var version = await VersionAsync(id);
        return await AsStaff<PerformCaseStep, CaseStepResult>(user, u => u.ExecuteAsync(id, version, step, key));
    }

    protected Task<ApplicationDetail> DetailAsync(long id, string user = Head) => AsStaff<GetApplication, ApplicationDetail>(user, u => u.ExecuteAsync(id));

    protected Task<ApplicationRecord> StoredAsync(long id) => QueryAsync(db => db.Applications.AsNoTracking().Include(a => a.Pauses).SingleAsync(a => a.Id == id));

    protected Task<List<ApplicationEventRecord>> EventsAsync(long id) => QueryAsync(db => db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.Id).ToListAsync());

    /// <summary>
    /// The due date three ways: computed fresh from the facts (GetApplication), cached on the record (the queues read it),
    /// and written into the latest history entry.
    /// </summary>
    protected async Task AssertDueAsync(long id, DateOnly expected, string because)
    {
        var detail = await DetailAsync(id);
        Assert.True(detail.Deadline is not null, $"{because}: no deadline");
        Assert.True(expected == detail.Deadline.Due.Date, $"{because}: computed {detail.Deadline.Due.Date:yyyy-MM-dd}, expected {expected:yyyy-MM-dd}");
        Assert.False(detail.Deadline.IsProvisional, because);
        var stored = await StoredAsync(id);
        Assert.True(expected == stored.DueDate, $"{because}: cached {stored.DueDate:yyyy-MM-dd}, expected {expected:yyyy-MM-dd}");
        var last = (await EventsAsync(id))[^1];
        Assert.True(expected == last.DueAfter, $"{because}: history ({last.Kind}) {last.DueAfter:yyyy-MM-dd}, expected {expected:yyyy-MM-dd}");
    }
}
