using System.Diagnostics;
using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongkai.UseCases.Demo;

/// <summary>What the demo catalogue loaded and how long it took.</summary>
public sealed record DemoCatalogueLoad(int Items, int Events, TimeSpan Elapsed);

/// <summary>
/// The demo's 政府信息公开目录 (loaded with the past years, Demo.History): the district government's and its units' 2024,
/// whose figures are those the sample annual report prints (3,918 items first published in 2024, 293 in key areas —
/// 政策文件 31, 建议提案办理 27, 义务教育 4, 稳岗就业 9, 养老服务 16, the others one tag each of the other key areas — and 30
/// 政策解读, each linked to a 政策文件; the four 行政规范性文件 of 2024 link to the register), and the current year in
/// progress up to the agency clock's today: items published earlier in the year, some late this month and last
/// month, and unpublished items at every stage of 三审三校, due soon or overdue.
/// <para>
/// Every published item went through 三审三校: created, submitted, 初审/复审/终审 approved by three different demo accounts
/// of its unit or of the district office, three proofreading rounds, published — with the deadline of 条例第二十六条 on the
/// official calendar (<see cref="PublicationTimeliness"/>); about 2.5 % of 2024 was published late, most of it by
/// 沼潭街道, 昆河镇 and 区住建局. A few items were revised (revision 2 with a 修订说明) and two withdrawn with a reason.
/// 索引号 follow each agency's pattern (the demo's local unit codes, <see cref="DemoAgencies.IndexNumberPattern"/>), serials
/// per agency and year of first publication, and the sequences continue after them.
/// </para>
/// <para>
/// This is history, so the rows are inserted in bulk rather than through the workflow's use cases (a few saves, the
/// change tracker cleared between them); the generator is seeded, so every load gives the same catalogue for the same
/// today. A revision's <see cref="CatalogueRevisionRecord.Snapshot"/> is written as the publishing use case writes it,
/// with an empty attachment list: the demo items have no files.
/// </para>
/// </summary>
public sealed partial class DemoCatalogue(GongkaiDbContext db, CalendarProvider calendars, AgencyClock clock, ILogger<DemoCatalogue> log)
{
    public const int HistoryYear = 2024;

    /// <summary>The 2024 figures of the district's subtree (the sample annual report's).</summary>
    public const int ItemsPublished2024 = 3918;

    public const int KeyAreaItems2024 = 293;

    public const int Interpretations2024 = 30;

    /// <summary>The 2024 key-area items per narrative figure code.</summary>
    public static IReadOnlyDictionary<string, long> FigureCounts2024 { get; } = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["policy_documents"] = 31,
        ["proposal_replies"] = 27,
        ["compulsory_education"] = 4,
        ["employment_stabilisation"] = 9,
        ["elderly_care"] = 16,
    };

    private const int ProofreadingRounds = ReviewWorkflow.DefaultProofreadingRounds;

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);


    /// <summary>Generic items of 2024 per unit (by template unit key), before scaling to what the fixed items leave.</summary>
    private static readonly Dictionary<string, int> UnitWeights = new(StringComparer.Ordinal)
    {
        ["区政府"] = 250,
        ["区政府办"] = 420,
        ["区政务服务局"] = 520,
        ["区发改委"] = 150,
        ["区教育局"] = 220,
        ["区民政局"] = 200,
        ["区财政局"] = 180,
        ["区人社局"] = 200,
        ["区住建局"] = 220,
        ["区卫健委"] = 180,
        ["区市场监管局"] = 260,
        ["区应急管理局"] = 150,
        ["区司法局"] = 110,
        ["沼潭街道"] = 110,
        ["林荫路街道"] = 90,
        ["少先路街道"] = 90,
        ["友谊大街街道"] = 90,
        ["阿尔丁大街街道"] = 90,
        ["昆河镇"] = 120,
    };

    /// <summary>Units that publish late more than the others (the dashboard's late units).</summary>
    private static readonly Dictionary<string, int> LateUnits2024 = new(StringComparer.Ordinal) { ["沼潭街道"] = 22, ["昆河镇"] = 22, ["区住建局"] = 22 };

    public async Task<DemoCatalogueLoad> LoadAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var calendar = await calendars.GetAsync(db, ct);
        var today = clock.Today();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.Id }).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var terms = await db.CatalogueTerms.AsNoTracking().ToListAsync(ct);
        var register = await db.NormativeDocuments.AsNoTracking().Select(d => new { d.AgencyId, d.DocumentNumber, d.Id, d.Effective }).ToListAsync(ct);
        var plan = new Plan(calendar, today, clock.UtcNow, agencies, users, terms, register.ToDictionary(d => (d.AgencyId, d.DocumentNumber), d => (d.Id, d.Effective)));
        if (today.Year > HistoryYear)
        {
            plan.History(HistoryYear);
        }

        plan.CurrentYear();
        plan.Finish();
        var events = await SaveAsync(plan, ct);
        watch.Stop();
        log.LogInformation("Demo catalogue: {Items} items, {Events} events in {Elapsed} ms", plan.Items.Count, events, watch.ElapsedMilliseconds);
        return new DemoCatalogueLoad(plan.Items.Count, events, watch.Elapsed);
    }

    /// <summary>
    /// Saves the plan: the items (audited like any insert), then their tags, links and sequences; the revisions and
    /// events — append-only history tables that are not audited, some 40,000 rows — by plain INSERT commands
    /// (<see cref="InsertAsync{T}"/>), which are several times faster than the change tracker.
    /// </summary>
    private async Task<int> SaveAsync(Plan plan, CancellationToken ct)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.ChangeTracker.Clear();
            db.CatalogueItems.AddRange(plan.Items.Select(p => p.Item));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            foreach (var p in plan.Items)
            {
                p.Revisions.ForEach(r => r.ItemId = p.Item.Id);
                p.Events.ForEach(e => e.ItemId = p.Item.Id);
            }

            db.CatalogueItemTags.AddRange(plan.Items.Where(p => p.TermId is not null).Select(p => new CatalogueItemTagRecord { ItemId = p.Item.Id, TermId = p.TermId!.Value }));
            db.CatalogueLinks.AddRange(plan.Items.Where(p => p.Interprets is not null).Select(p => new CatalogueLinkRecord { InterpretationId = p.Item.Id, DocumentId = p.Interprets!.Item.Id }));
            db.IndexNumberSequences.AddRange(plan.Sequences);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await InsertAsync(plan.Items.SelectMany(p => p.Revisions).ToList(), ct);
            var events = plan.Items.SelectMany(p => p.Events).ToList();
            await InsertAsync(events, ct);
            return events.Count;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Inserts rows with commands built from the model (columns, value converters), in the order given (so the generated
    /// ids follow it), in the load's transaction: on SQLite one prepared single-row statement run for each row, on other
    /// databases multi-row statements (fewer round trips).
    /// </summary>
    private async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)).ToList();
        var converters = properties.Select(p => p.GetValueConverter() ?? p.GetTypeMapping().Converter).ToList();
        var name = (table.Schema is null ? string.Empty : $"\"{table.Schema}\".") + $"\"{table.Name}\"";
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        var perCommand = sqlite ? 1 : Math.Max(1, 4000 / properties.Count);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var transaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(db.Database.CurrentTransaction ?? throw new InvalidOperationException("the demo load runs in a transaction"));
        System.Data.Common.DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Chunk(perCommand))
            {
                if (command is null || command.Parameters.Count != chunk.Length * properties.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    var sql = new System.Text.StringBuilder($"INSERT INTO {name} ({columns}) VALUES ");
                    for (var r = 0; r < chunk.Length; r++)
                    {
                        sql.Append(r == 0 ? "(" : ", (");
                        for (var i = 0; i < properties.Count; i++)
                        {
                            var parameter = command.CreateParameter();
                            parameter.ParameterName = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
                            sql.Append(i == 0 ? string.Empty : ", ").Append(parameter.ParameterName);
                            command.Parameters.Add(parameter);
                        }

                        sql.Append(')');
                    }

                    command.CommandText = sql.ToString();
                    if (sqlite)
                    {
                        await command.PrepareAsync(ct);
                    }
                }

                var n = 0;
                foreach (var row in chunk)
                {
                    for (var i = 0; i < properties.Count; i++)
                    {
                        var value = properties[i].PropertyInfo!.GetValue(row);
                        value = value is null || converters[i] is not { } converter ? value : converter.ConvertToProvider(value);
                        command.Parameters[n++].Value = value ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>A demo account or the name of a person in a unit without one.</summary>
    private sealed record Person(string Name, string? UserId);

    /// <summary>Who drafts, reviews (three different people), proofreads and publishes a unit's items.</summary>
    private sealed record Crew(Person Creator, Person First, Person Second, Person Final, Person[] Proofreaders, Person Publisher, Person Office);

    private sealed class Unit(AgencyRecord agency, string key, Crew crew)
    {
        public AgencyRecord Agency { get; } = agency;

        /// <summary>The name the templates use (区政府 for the district government, else the short name).</summary>
        public string Key { get; } = key;

        public Crew Crew { get; } = crew;

        public bool Matches(string units) => units == "*"
            || (units == "街道" && Agency.Kind == AgencyKind.Subdistrict)
            || units.Split('|').Contains(Key, StringComparer.Ordinal);
    }

    /// <summary>One publication of an item (its first, or a revision).</summary>
    private sealed record Cycle(int Revision, DateOnly Start, DateOnly Due, DateTimeOffset PublishedAt, string ChangeNote, string Reviewers, Crew Crew);

    /// <summary>An item being planned: its row, history, tag and link, and how its title is filled once dates are known.</summary>
    private sealed class Planned(CatalogueItemRecord item, Unit unit)
    {
        public CatalogueItemRecord Item { get; } = item;

        public Unit Unit { get; } = unit;

        public Template? Template { get; init; }

        public List<CatalogueItemEventRecord> Events { get; } = [];

        public List<CatalogueRevisionRecord> Revisions { get; } = [];

        public List<Cycle> Cycles { get; } = [];

        public int? TermId { get; set; }

        public string? TermName { get; set; }

        public Planned? Interprets { get; set; }
    }

    private sealed class Plan
    {
        private readonly WorkingDayCalendar _calendar;
        private readonly DateOnly _today;
        private readonly DateTimeOffset _now;
        private readonly Dictionary<string, Unit> _units;
        private readonly Dictionary<string, int> _terms;
        private readonly Dictionary<(int, string), (int Id, DateOnly? Effective)> _register;
        private readonly List<DateOnly> _days = [];
        private readonly Dictionary<(int, Template, int), int> _serials = [];
#pragma warning disable CA5394 // demo data, not security
        private Random _random = new(HistoryYear);

        public Plan(WorkingDayCalendar calendar, DateOnly today, DateTimeOffset now, List<AgencyRecord> agencies, IReadOnlyDictionary<string, string> users, List<CatalogueTermRecord> terms, Dictionary<(int, string), (int, DateOnly?)> register)
        {
            _calendar = calendar;
            _today = today;
            _now = now;
            _register = register;
            _terms = terms.ToDictionary(t => $"{t.Kind}:{t.Name}", t => t.Id, StringComparer.Ordinal);
            Person P(string user) => new(DemoAccounts.All.Single(a => a.UserName == user).DisplayName, users.GetValueOrDefault(user));
            var office = P("gkb");
            var publisher = P("fabu");
            var leader = P("admin");
            Crew Of(string unitName) => unitName switch
            {
                "包头市昆都仑区教育局" => new(P("jyj-cb"), P("jyj-cb"), P("jyj-sh"), P("jyj-fz"), [P("jyj-cb"), P("jyj-sh"), office], publisher, office),
                "包头市昆都仑区民政局" or "包头市昆都仑区卫生健康委员会" => new(P("mzj-cb"), P("mzj-cb"), office, leader, [P("mzj-cb"), office, publisher], publisher, office),
                "包头市昆都仑区沼潭街道办事处" => new(P("zt-cb"), P("zt-cb"), P("zt-admin"), office, [P("zt-cb"), P("zt-admin"), office], P("zt-cb"), office),
                _ => new(office, office, publisher, leader, [office, publisher, leader], publisher, office),
            };
            _units = agencies.ToDictionary(
                a => a.Name == DemoAgencies.DistrictGovernment ? "区政府" : a.ShortName,
                a => new Unit(a, a.Name == DemoAgencies.DistrictGovernment ? "区政府" : a.ShortName, Of(a.Name)),
                StringComparer.Ordinal);
            var last = today.AddDays(120);
            for (var d = new DateOnly(HistoryYear - 1, 10, 1); d <= last; d = d.AddDays(1))
            {
                if (calendar.IsWorkingDay(d))
                {
                    _days.Add(d);
                }
            }
        }

        public List<Planned> Items { get; } = [];

        public List<IndexNumberSequenceRecord> Sequences { get; } = [];

        private Unit U(string key) => _units[key];

        private IEnumerable<Unit> AllUnits => _units.Values.OrderBy(u => u.Agency.Id);

        /// <summary>One year of history: every item published in <paramref name="year"/>, as the sample report counts them.</summary>
        public void History(int year)
        {
            _random = new Random(year);
            var first = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            var before = Items.Count;

            // 政策文件 (31), the register's 行政规范性文件 among them, and the 政策解读 (30) of all but the last.
            var documents = new List<Planned>();
            foreach (var (number, unitKey, name, formed) in PolicyDocuments2024)
            {
                var unit = U(unitKey);
                var publisherName = number.StartsWith("昆政办发", StringComparison.Ordinal) ? DistrictOffice : unit.Agency.Name;
                var normative = _register.TryGetValue((unit.Agency.Id, number), out var doc);
                var p = New(unit, null, Content(
                    $"{publisherName}关于印发《{name}》的通知",
                    $"印发《{name}》，明确工作目标、主要任务和保障措施。",
                    $"各有关单位：\n现将《{name}》印发给你们，请结合实际，认真贯彻执行。",
                    TopicOf(unitKey),
                    normative ? 1 : 3,
                    null,
                    "政策文件," + name.Replace("昆都仑区", string.Empty, StringComparison.Ordinal)));
                p.Item.DocumentNumber = number;
                p.Item.PublishingAgency = publisherName;
                p.Item.Validity = "有效";
                p.Item.EffectiveOn = normative ? doc.Effective ?? formed : formed;
                p.Item.NormativeDocumentId = normative ? doc.Id : null;
                Tag(p, "政策文件");
                Publish(p, formed, Forward(OnOrAfter(formed), 2 + _random.Next(5)));
                documents.Add(p);
            }

            foreach (var (doc, i) in documents.Take(Interpretations2024).Select((d, i) => (d, i)))
            {
                var name = doc.Item.Title[(doc.Item.Title.IndexOf('《', StringComparison.Ordinal) + 1)..doc.Item.Title.LastIndexOf('》')];
                var title = (i % 3) switch
                {
                    0 => $"《{name}》政策解读",
                    1 => $"图解：《{name}》",
                    _ => $"一图读懂《{name}》",
                };
                var p = New(doc.Unit, null, Content(
                    title,
                    $"从制定背景、主要内容、适用对象和实施时间等方面解读《{name}》。",
                    $"一、制定背景\n为贯彻落实上级部署，结合本区实际，制定《{name}》。\n二、主要内容\n明确了工作目标、重点任务、责任分工和保障措施。\n三、适用对象和实施时间\n自印发之日起施行，由{doc.Item.PublishingAgency}负责解释。",
                    doc.Item.Topic!,
                    doc.Item.Article20Item,
                    null,
                    "政策解读," + name.Replace("昆都仑区", string.Empty, StringComparison.Ordinal)));
                p.Item.Kind = ItemKind.Interpretation;
                p.Item.PublishingAgency = doc.Item.PublishingAgency;
                p.Interprets = doc;
                Publish(p, doc.Item.Formed, Forward(doc.Item.FirstPublishedOn!.Value, _random.Next(3)));
            }

            // 建议提案办理 (27): answers to the 人大代表建议 and 政协委员提案 of the year's sessions, published in summer.
            foreach (var ((unitKey, subject), i) in ProposalReplies2024.Select((r, i) => (r, i)))
            {
                var unit = U(unitKey);
                var title = i % 2 == 0
                    ? $"{unit.Agency.Name}对区十九届人大四次会议第{12 + (i * 7)}号建议的答复（关于{subject}）"
                    : $"{unit.Agency.Name}对区政协十届三次会议第{31 + (i * 5)}号提案的答复（关于{subject}）";
                var p = New(unit, null, Content(title, $"答复代表委员提出的关于{subject}的建议提案，说明办理情况和下一步工作措施。", $"您提出的关于{subject}的建议收悉，现答复如下：\n一、办理情况\n我单位高度重视，会同有关部门认真研究办理。\n二、下一步工作\n将结合年度工作安排持续推进，并及时向您反馈进展。\n感谢您对我区工作的关心和支持。", "综合政务", 15, null, "建议提案办理," + subject));
                Tag(p, "建议提案办理");
                PublishOnTime(p, Pick(WorkingDaysIn(new DateOnly(year, 5, 13), new DateOnly(year, 9, 6))));
            }

            // 义务教育, 稳岗就业, 养老服务.
            foreach (var (term, unitKey, title, summary, month) in FigureItems2024)
            {
                var p = New(U(unitKey), null, Content(title, summary, summary, term == "义务教育" ? "科技、教育" : term == "稳岗就业" ? "劳动、人事、监察" : "民政、扶贫、救灾", 11, null, term));
                Tag(p, term);
                PublishOnTime(p, Pick(WorkingDaysIn(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1))));
            }

            // The other key areas: every unit's 部门预算 (February) and 部门决算 (August), and the topical ones.
            foreach (var unit in AllUnits)
            {
                var budget = New(unit, null, Content($"{unit.Agency.Name}{year}年部门预算", $"公开{unit.Agency.Name}{year}年部门预算及“三公”经费预算情况说明。", "部门预算公开表及情况说明详见正文，包括收支总表、财政拨款收支表和“三公”经费支出表。", "财政、金融、审计", 7, null, "部门预算,三公经费"));
                Tag(budget, "财政预决算");
                var formed = Pick(WorkingDaysIn(new DateOnly(year, 2, 1), new DateOnly(year, 2, 20)));
                Publish(budget, formed, Forward(formed, 1 + _random.Next(5)));
                var accounts = New(unit, null, Content($"{unit.Agency.Name}{year - 1}年部门决算", $"公开{unit.Agency.Name}{year - 1}年部门决算及“三公”经费支出情况说明。", "部门决算公开表及情况说明详见正文，包括收入支出决算总表、财政拨款收入支出决算表和“三公”经费支出决算表。", "财政、金融、审计", 7, null, "部门决算,三公经费"));
                Tag(accounts, "财政预决算");
                formed = Pick(WorkingDaysIn(new DateOnly(year, 8, 5), new DateOnly(year, 8, 30)));
                Publish(accounts, formed, Forward(formed, 1 + _random.Next(5)));
            }

            foreach (var (term, count, template) in OtherKeyAreas.Where(k => k.Count > 0))
            {
                var units = AllUnits.Where(u => template.Units != "*" && u.Matches(template.Units)).ToList();
                for (var i = 0; i < count; i++)
                {
                    var p = New(units[i % units.Count], template, null);
                    Tag(p, term);
                    PublishOnTime(p, Pick(WorkingDaysIn(first, end)));
                }
            }

            // Every unit's annual report on the year before (by 31 January; the district government's by 31 March,
            // the day its report was published), its functions, and a few 指南 and 制度.
            foreach (var unit in AllUnits)
            {
                var district = unit.Key == "区政府";
                var report = New(unit, null, Content($"{unit.Agency.Name}{year - 1}年政府信息公开工作年度报告", $"{unit.Agency.Name}{year - 1}年政府信息公开工作年度报告，包括总体情况、主动公开、依申请公开、行政复议和诉讼、存在的主要问题及改进情况等。", "本报告根据《中华人民共和国政府信息公开条例》编制，全文见附件。", "综合政务", null, null, "政府信息公开,年度报告"));
                report.Item.Directory = ColumnDirectory.AnnualReports;
                var published = district ? new DateOnly(year, 3, year - 1 == 2024 ? 25 : 20) : Pick(WorkingDaysIn(new DateOnly(year, 1, 15), new DateOnly(year, 1, 30)));
                Publish(report, Back(published, 1 + _random.Next(3)), published);
                var functions = New(unit, null, Content($"{unit.Agency.Name}机构职能（{year}年更新）", $"公开{unit.Agency.Name}的主要职责、内设机构、办公地址、办公时间、联系方式和负责人姓名。", "一、主要职责\n二、内设机构\n三、办公地址、办公时间和联系方式\n四、负责人", "综合政务", 2, null, "机构职能"));
                PublishOnTime(functions, Pick(WorkingDaysIn(new DateOnly(year, 3, 1), new DateOnly(year, 4, 30))));
            }

            foreach (var key in new[] { "区政府", "区政务服务局", "区教育局", "区民政局", "沼潭街道", "昆河镇" })
            {
                var unit = U(key);
                var guide = New(unit, null, Content($"{unit.Agency.Name}政府信息公开指南（{year}年修订）", "说明主动公开的范围和方式、依申请公开的受理机构、提出申请的方式和处理程序、收费和救济途径。", "一、主动公开\n二、依申请公开\n三、收费\n四、监督和救济", "综合政务", null, null, "政府信息公开指南"));
                guide.Item.Directory = ColumnDirectory.Guide;
                PublishOnTime(guide, Pick(WorkingDaysIn(new DateOnly(year, 2, 1), new DateOnly(year, 4, 30))));
            }

            foreach (var name in new[] { "昆都仑区政府信息公开申请办理工作规程", "昆都仑区政府信息发布审核制度", "昆都仑区政务公开工作考核办法" })
            {
                var rule = New(U("区政府"), null, Content(name, $"{name}，明确职责分工、办理程序和工作要求。", "第一章 总则\n第二章 职责分工\n第三章 工作程序\n第四章 附则", "综合政务", null, null, "政务公开,制度"));
                rule.Item.Directory = ColumnDirectory.Rules;
                rule.Item.PublishingAgency = DistrictOffice;
                PublishOnTime(rule, Pick(WorkingDaysIn(new DateOnly(year, 3, 1), new DateOnly(year, 6, 28))));
            }

            // The rest: each unit's everyday items, spread over the year; a few late, most by three units.
            var fixedCount = Items.Count - before;
            var generic = Scale(UnitWeights, ItemsPublished2024 - fixedCount);
            var late = AllUnits.ToDictionary(u => u.Key, u => LateUnits2024.GetValueOrDefault(u.Key, 2), StringComparer.Ordinal);
            var days = WorkingDaysIn(first, end);
            var everyday = new List<Planned>();
            foreach (var unit in AllUnits)
            {
                var templates = Generic.Where(t => unit.Matches(t.Units)).ToList();
                var weights = templates.Sum(t => t.Weight);
                for (var i = 0; i < generic[unit.Key]; i++)
                {
                    var template = WeightedPick(templates, weights);
                    var p = New(unit, template, null);
                    var published = Pick(days);
                    if (i < late[unit.Key])
                    {
                        Publish(p, Back(published, 21 + _random.Next(10)), published);
                    }
                    else
                    {
                        PublishOnTime(p, published);
                        everyday.Add(p);
                    }
                }
            }

            // A few revised (a second published revision with its note), two withdrawn.
            var early = everyday.Where(p => p.Item.FirstPublishedOn!.Value.Month <= 9).ToList();
            for (var i = 0; i < ChangeNotes.Length; i++)
            {
                var p = early[(i * 97) % early.Count];
                early.Remove(p);
                var changed = OnOrAfter(p.Item.FirstPublishedOn!.Value.AddDays(5 + _random.Next(40)));
                Publish(p, changed, Forward(changed, 1 + _random.Next(5)), ChangeNotes[i]);
            }

            for (var i = 0; i < WithdrawReasons.Length; i++)
            {
                var p = early[(i * 131) + 50];
                early.Remove(p);
                Withdraw(p, Forward(p.Item.FirstPublishedOn!.Value, 3 + _random.Next(15)), WithdrawReasons[i]);
            }

            var counted = Items.Count(p => p.Item.FirstPublishedOn?.Year == year);
            if (Items.Count - before != ItemsPublished2024 || counted != ItemsPublished2024)
            {
                throw new InvalidOperationException($"the demo catalogue of {year} has {counted} items first published in the year");
            }
        }

        /// <summary>
        /// The year of the agency clock's today, in progress: items published earlier in the year (some late this month
        /// and last month), and unpublished items at every stage, overdue, due soon or open.
        /// </summary>
        public void CurrentYear()
        {
            var year = _today.Year;
            _random = new Random(year);
            var first = new DateOnly(year, 1, 1);
            var yesterday = _today.AddDays(-1);
            var days = yesterday >= first ? WorkingDaysIn(first, yesterday) : [];
            var yearDays = WorkingDaysIn(first, new DateOnly(year, 12, 31)).Count;
            if (days.Count > 0)
            {
                var target = Math.Max(20, 300 * days.Count / Math.Max(1, yearDays));
                var weights = UnitWeights.Sum(w => w.Value);
                var units = AllUnits.ToList();

                // 政策文件 with their 政策解读, early in the year.
                string[] plans = ["政务公开工作要点", "优化营商环境工作要点", "安全生产工作要点"];
                foreach (var (name, i) in plans.Select((n, i) => (n, i)))
                {
                    var formed = OnOrAfter(new DateOnly(year, 3, 4).AddDays(i * 21));
                    var publishedOn = Forward(formed, 3);
                    if (publishedOn >= _today)
                    {
                        continue;
                    }

                    var full = $"昆都仑区{year}年{name}";
                    var doc = New(U("区政府"), null, Content($"{DistrictOffice}关于印发《{full}》的通知", $"印发《{full}》，明确年度工作目标和重点任务。", $"各有关单位：\n现将《{full}》印发给你们，请结合实际，认真贯彻执行。", "综合政务", 3, null, "政策文件," + name));
                    doc.Item.DocumentNumber = $"昆政办发〔{year}〕{3 + (i * 4)}号";
                    doc.Item.PublishingAgency = DistrictOffice;
                    doc.Item.Validity = "有效";
                    doc.Item.EffectiveOn = formed;
                    Tag(doc, "政策文件");
                    Publish(doc, formed, publishedOn);
                    var reading = New(U("区政府"), null, Content($"《{full}》政策解读", $"解读《{full}》的背景、目标和重点任务。", $"一、制定背景\n二、主要内容\n三、工作要求", "综合政务", 3, null, "政策解读," + name));
                    reading.Item.Kind = ItemKind.Interpretation;
                    reading.Item.PublishingAgency = DistrictOffice;
                    reading.Interprets = doc;
                    Publish(reading, formed, publishedOn);
                }

                var keyAreas = OtherKeyAreas.Where(k => k.Count > 0).ToList();
                for (var count = Items.Count(p => p.Item.FirstPublishedOn?.Year == year); count < target; count++)
                {
                    Planned p;
                    if (_random.Next(12) == 0)
                    {
                        var (term, _, template) = keyAreas[_random.Next(keyAreas.Count)];
                        var candidates = units.Where(u => u.Matches(template.Units)).ToList();
                        p = New(candidates[_random.Next(candidates.Count)], template, null);
                        Tag(p, term);
                    }
                    else
                    {
                        var unit = WeightedUnit(units, weights);
                        var templates = Generic.Where(t => unit.Matches(t.Units)).ToList();
                        p = New(unit, WeightedPick(templates, templates.Sum(t => t.Weight)), null);
                    }

                    var on = Pick(days);
                    if (_random.Next(40) == 0 && LateUnits2024.ContainsKey(p.Unit.Key))
                    {
                        Publish(p, Back(on, 21 + _random.Next(6)), on);
                    }
                    else
                    {
                        PublishOnTime(p, on);
                    }
                }

                // Published late this month and last month (two each, when those months have passed days).
                var thisMonth = new DateOnly(year, _today.Month, 1);
                foreach (var (from, to) in new[] { (thisMonth, yesterday), (thisMonth.AddMonths(-1), thisMonth.AddDays(-1)) })
                {
                    var inMonth = days.Where(d => d >= from && d <= to).ToList();
                    for (var i = 0; i < 2 && inMonth.Count > 0 && from.Year == year; i++)
                    {
                        var key = i == 0 ? "沼潭街道" : "区住建局";
                        var templates = Generic.Where(t => U(key).Matches(t.Units)).ToList();
                        var p = New(U(key), templates[_random.Next(templates.Count)], null);
                        var on = inMonth[^(1 + i)];
                        Publish(p, Back(on, 23 + i), on);
                    }
                }
            }

            // Not yet published: (unit, working days since formed, stage, proofreading round, returned once).
            (string Unit, int Lag, ItemStage Stage, int Round, bool Returned)[] open =
            [
                ("沼潭街道", 24, ItemStage.FirstReview, 0, false), ("昆河镇", 28, ItemStage.SecondReview, 0, false), ("区住建局", 22, ItemStage.Draft, 0, true),
                ("沼潭街道", 31, ItemStage.Proofreading, 2, false), ("区住建局", 21, ItemStage.FinalReview, 0, false),
                ("区教育局", 15, ItemStage.Draft, 0, false), ("区民政局", 16, ItemStage.FirstReview, 0, false), ("区财政局", 17, ItemStage.SecondReview, 0, false),
                ("区卫健委", 18, ItemStage.FinalReview, 0, false), ("区市场监管局", 19, ItemStage.Proofreading, 3, false), ("区政务服务局", 20, ItemStage.ReadyToPublish, 0, false),
                ("区政府办", 2, ItemStage.Draft, 0, false), ("区人社局", 4, ItemStage.FirstReview, 0, false), ("区发改委", 6, ItemStage.SecondReview, 0, false),
                ("区应急管理局", 8, ItemStage.FinalReview, 0, false), ("区司法局", 9, ItemStage.Proofreading, 1, false), ("区教育局", 10, ItemStage.ReadyToPublish, 0, false),
                ("林荫路街道", 3, ItemStage.Draft, 0, false), ("少先路街道", 5, ItemStage.FirstReview, 0, false),
            ];
            foreach (var (key, lag, stage, round, returned) in open)
            {
                var unit = U(key);
                var templates = Generic.Where(t => unit.Matches(t.Units)).ToList();
                var p = New(unit, templates[_random.Next(templates.Count)], null);
                InProgress(p, Back(OnOrBefore(_today), lag), stage, round, returned);
            }
        }

        /// <summary>Titles filled in date order (第N期 grows with the date), 索引号 given in order of first publication, revisions written.</summary>
        public void Finish()
        {
            foreach (var p in Items.Where(p => p.Template is not null).OrderBy(p => p.Item.FirstPublishedAt ?? p.Item.CreatedAt).ThenBy(p => p.Item.CreatedAt))
            {
                var t = p.Template!;
                var key = (p.Unit.Agency.Id, t, p.Item.Formed.Year);
                var n = _serials[key] = _serials.GetValueOrDefault(key) + 1;
                var pick = t.Picks is { Length: > 0 } picks ? picks[_random.Next(picks.Length)] : string.Empty;
                var place = Places[_random.Next(Places.Length)];
                var project = Projects[_random.Next(Projects.Length)];
                string Fill(string s) => s
                    .Replace("{unit}", p.Unit.Agency.Name, StringComparison.Ordinal)
                    .Replace("{short}", p.Unit.Agency.ShortName, StringComparison.Ordinal)
                    .Replace("{y}", p.Item.Formed.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{m}", p.Item.Formed.Month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{q}", Quarters[(p.Item.Formed.Month - 1) / 3], StringComparison.Ordinal)
                    .Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{pick}", pick, StringComparison.Ordinal)
                    .Replace("{place}", place, StringComparison.Ordinal)
                    .Replace("{project}", project, StringComparison.Ordinal);
                p.Item.Title = Fill(t.Title);
                p.Item.Summary = Fill(t.Summary);
                p.Item.Body = p.Item.Summary + "\n" + BodyLine(t.Article20, t.Article21);
            }

            foreach (var p in Items)
            {
                var i = p.Item;
                i.Body += $"\n{i.PublishingAgency}\n{i.Formed.Year}年{i.Formed.Month}月{i.Formed.Day}日";
            }

            foreach (var group in Items.Where(p => p.Item.FirstPublishedOn is not null).GroupBy(p => (p.Item.AgencyId, p.Item.FirstPublishedOn!.Value.Year)))
            {
                var serial = 0;
                var agency = group.First().Unit.Agency;
                foreach (var p in group.OrderBy(p => p.Item.FirstPublishedAt))
                {
                    p.Item.IndexYear = group.Key.Year;
                    p.Item.IndexSerial = ++serial;
                    p.Item.IndexNumber = NumberPattern.Format(agency.IndexNumberPattern, group.Key.Year, serial, agency.ShortName, agency.CreditCode);
                }

                Sequences.Add(new IndexNumberSequenceRecord { AgencyId = group.Key.AgencyId, Year = group.Key.Year, Next = serial + 1 });
            }

            foreach (var p in Items)
            {
                foreach (var c in p.Cycles)
                {
                    var i = p.Item;
                    var snapshot = Publishing.CatalogueRules.Snapshot(i, p.TermName is null ? [] : [p.TermName], []);
                    p.Revisions.Add(new CatalogueRevisionRecord
                    {
                        Revision = c.Revision,
                        Title = i.Title,
                        Summary = i.Summary,
                        Body = i.Body,
                        Snapshot = snapshot,
                        ChangeNote = c.ChangeNote,
                        Reviewers = c.Reviewers,
                        DueOn = c.Due,
                        PublishedAt = c.PublishedAt,
                        PublishedOn = DateOnly.FromDateTime(c.PublishedAt.ToOffset(Beijing).DateTime),
                        PublishedBy = c.Crew.Publisher.Name,
                    });
                }
            }
        }

        private static (string Title, string Summary, string Body, string Topic, int? Article20, string? Article21, string Keywords) Content(string title, string summary, string body, string topic, int? article20, string? article21, string keywords) =>
            (title, summary, body, topic, article20, article21, keywords);

        private Planned New(Unit unit, Template? template, (string Title, string Summary, string Body, string Topic, int? Article20, string? Article21, string Keywords)? content)
        {
            var c = content ?? (string.Empty, string.Empty, string.Empty, template!.Topic, template.Article20, template.Article21, template.Keywords);
            var item = new CatalogueItemRecord
            {
                AgencyId = unit.Agency.Id,
                Kind = ItemKind.Information,
                Title = c.Title,
                Summary = c.Summary,
                Body = c.Body,
                PublishingAgency = unit.Agency.Name,
                Topic = c.Topic,
                Directory = ColumnDirectory.Statutory,
                Article20Item = c.Article20,
                Article21Item = c.Article21,
                Attribute = DisclosureAttribute.Proactive,
                Keywords = c.Keywords.Length > 200 ? c.Keywords[..200] : c.Keywords,
                Source = unit.Agency.Name,
            };
            var p = new Planned(item, unit) { Template = template };
            Items.Add(p);
            return p;
        }

        private void Tag(Planned p, string term)
        {
            p.TermId = _terms[$"{CatalogueTermKind.KeyArea}:{term}"];
            p.TermName = term;
        }

        private void PublishOnTime(Planned p, DateOnly published)
        {
            var lag = Math.Min(12, _random.Next(6) + _random.Next(6));
            Publish(p, Back(published, lag), published);
        }

        /// <summary>A publication cycle: the first (formed on <paramref name="start"/>) or a revision (changed on it, with its note).</summary>
        private void Publish(Planned p, DateOnly start, DateOnly published, string? changeNote = null)
        {
            var item = p.Item;
            var revision = p.Cycles.Count + 1;
            var crew = p.Unit.Crew;
            var due = PublicationTimeliness.Of(_calendar, start, published, _today).Due.Date;
            List<(string Kind, ItemStage Stage, int? Round, Person Actor)> steps =
            [
                (revision == 1 ? "created" : "revised", revision == 1 ? ItemStage.Draft : ItemStage.Published, null, crew.Creator),
                ("submitted", ItemStage.Draft, null, crew.Creator),
                ("approved", ItemStage.FirstReview, null, crew.First),
                ("approved", ItemStage.SecondReview, null, crew.Second),
                ("approved", ItemStage.FinalReview, null, crew.Final),
            ];
            for (var r = 1; r <= ProofreadingRounds; r++)
            {
                steps.Add(("approved", ItemStage.Proofreading, r, crew.Proofreaders[r - 1]));
            }

            steps.Add(("published", ItemStage.ReadyToPublish, null, crew.Publisher));
            var times = Times(start, published, steps.Count, revision > 1 ? p.Events[^1].At : null);
            for (var i = 0; i < steps.Count; i++)
            {
                var (kind, stage, round, actor) = steps[i];
                p.Events.Add(Event(revision, kind, stage, round, actor, times[i], kind == "revised" ? changeNote : null));
            }

            var at = times[^1];
            var reviewers = Publishing.CatalogueRules.ReviewersLine(steps.Where(x => x.Kind == "approved").Select(x => (x.Stage, x.Round, x.Actor.Name)));
            p.Cycles.Add(new Cycle(revision, start, due, at, changeNote ?? string.Empty, reviewers, crew));
            if (revision == 1)
            {
                item.Formed = start;
                item.FirstPublishedAt = at;
                item.FirstPublishedOn = published;
                item.CreatedAt = times[0];
                item.CreatedBy = crew.Creator.Name;
            }
            else
            {
                item.Changed = start;
            }

            item.DueOn = due;
            item.Stage = ItemStage.Published;
            item.Revision = revision;
            item.PublishedRevision = revision;
            item.ProofreadingRound = 0;
            item.ProofreadingRounds = ProofreadingRounds;
            item.LastPublishedAt = at;
            Touch(p, crew.Publisher);
        }

        private void Withdraw(Planned p, DateOnly on, string reason)
        {
            var at = Local(on, new TimeOnly(16, 10 + _random.Next(40)));
            var office = p.Unit.Crew.Office;
            p.Events.Add(Event(p.Item.Revision, "withdrawn", ItemStage.Published, null, office, at, reason));
            p.Item.Stage = ItemStage.Withdrawn;
            p.Item.WithdrawnAt = at;
            p.Item.WithdrawReason = reason;
            Touch(p, office);
        }

        /// <summary>An unpublished item formed on <paramref name="formed"/>, stopped at <paramref name="stage"/>, its steps spread up to yesterday.</summary>
        private void InProgress(Planned p, DateOnly formed, ItemStage stage, int round, bool returned)
        {
            var crew = p.Unit.Crew;
            var steps = new List<(string Kind, ItemStage Stage, int? Round, Person Actor, string? Comment)> { ("created", ItemStage.Draft, null, crew.Creator, null) };
            if (returned)
            {
                steps.Add(("submitted", ItemStage.Draft, null, crew.Creator, null));
                steps.Add(("approved", ItemStage.FirstReview, null, crew.First, null));
                steps.Add(("returned", ItemStage.SecondReview, null, crew.Second, "请核实补偿标准的文件依据，补充后重新报送。"));
                steps.Add(("edited", ItemStage.Draft, null, crew.Creator, null));
            }

            if (stage != ItemStage.Draft)
            {
                steps.Add(("submitted", ItemStage.Draft, null, crew.Creator, null));
            }

            if (stage > ItemStage.FirstReview)
            {
                steps.Add(("approved", ItemStage.FirstReview, null, crew.First, null));
            }

            if (stage > ItemStage.SecondReview)
            {
                steps.Add(("approved", ItemStage.SecondReview, null, crew.Second, null));
            }

            if (stage > ItemStage.FinalReview)
            {
                steps.Add(("approved", ItemStage.FinalReview, null, crew.Final, null));
            }

            var rounds = stage == ItemStage.ReadyToPublish ? ProofreadingRounds : stage == ItemStage.Proofreading ? round - 1 : 0;
            for (var r = 1; r <= rounds; r++)
            {
                steps.Add(("approved", ItemStage.Proofreading, r, crew.Proofreaders[r - 1], null));
            }

            var last = Back(OnOrBefore(_today.AddDays(-1)), 0);
            var times = Times(formed, last < formed ? formed : last, steps.Count, null);
            for (var i = 0; i < steps.Count; i++)
            {
                var (kind, s, r, actor, comment) = steps[i];
                p.Events.Add(Event(1, kind, s, r, actor, times[i], comment));
            }

            var item = p.Item;
            item.Formed = formed;
            item.DueOn = PublicationTimeliness.Of(_calendar, formed, null, _today).Due.Date;
            item.Stage = stage;
            item.ProofreadingRound = stage == ItemStage.Proofreading ? round : 0;
            item.ProofreadingRounds = stage == ItemStage.Draft && !returned ? 0 : ProofreadingRounds;
            item.CreatedAt = times[0];
            item.CreatedBy = crew.Creator.Name;
            Touch(p, steps[^1].Actor);
        }

        private static void Touch(Planned p, Person by)
        {
            p.Item.UpdatedAt = p.Events[^1].At;
            p.Item.UpdatedBy = by.Name;
            p.Item.Version = p.Events.Count;
        }

        private static CatalogueItemEventRecord Event(int revision, string kind, ItemStage stage, int? round, Person actor, DateTimeOffset at, string? comment) => new()
        {
            Revision = revision,
            Kind = kind,
            Stage = stage,
            Round = round,
            Comment = comment,
            At = at,
            Actor = actor.Name,
            ActorUserId = actor.UserId,
        };

        /// <summary>
        /// <paramref name="count"/> instants from <paramref name="from"/> to <paramref name="to"/> (working days, office
        /// hours), in order; the last (the publication, when there is one) in the afternoon. Never before <paramref name="after"/>
        /// nor after now.
        /// </summary>
        private List<DateTimeOffset> Times(DateOnly from, DateOnly to, int count, DateTimeOffset? after)
        {
            var span = WorkingDaysIn(from, to);
            if (span.Count == 0)
            {
                span = [to];
            }

            var result = new List<DateTimeOffset>(count);
            var previous = after ?? DateTimeOffset.MinValue;
            for (var i = 0; i < count; i++)
            {
                var day = span[count == 1 ? span.Count - 1 : i * (span.Count - 1) / (count - 1)];
                var time = i == count - 1 && count > 1
                    ? new TimeOnly(15, 0).AddMinutes(_random.Next(150))
                    : new TimeOnly(8, 40).AddMinutes((i * 25) + _random.Next(20));
                var at = Local(day, time);
                if (at <= previous)
                {
                    at = previous.AddMinutes(3 + _random.Next(20));
                }

                if (at > _now)
                {
                    at = _now.AddMinutes(-(count - i) * 7);
                }

                result.Add(at);
                previous = at;
            }

            return result;
        }

        private static DateTimeOffset Local(DateOnly day, TimeOnly time) => new DateTimeOffset(day.ToDateTime(time), Beijing).ToUniversalTime();

        private List<DateOnly> WorkingDaysIn(DateOnly from, DateOnly to)
        {
            var start = _days.BinarySearch(from);
            start = start < 0 ? ~start : start;
            var result = new List<DateOnly>();
            for (var i = start; i < _days.Count && _days[i] <= to; i++)
            {
                result.Add(_days[i]);
            }

            return result;
        }

        private int IndexOnOrBefore(DateOnly day)
        {
            var i = _days.BinarySearch(day);
            return i >= 0 ? i : ~i - 1;
        }

        private DateOnly OnOrBefore(DateOnly day) => _days[IndexOnOrBefore(day)];

        private DateOnly OnOrAfter(DateOnly day)
        {
            var i = _days.BinarySearch(day);
            return _days[i >= 0 ? i : ~i];
        }

        /// <summary><paramref name="n"/> working days before the working day on or before <paramref name="day"/>.</summary>
        private DateOnly Back(DateOnly day, int n) => _days[IndexOnOrBefore(day) - n];

        /// <summary><paramref name="n"/> working days after the working day on or after <paramref name="day"/>.</summary>
        private DateOnly Forward(DateOnly day, int n)
        {
            var i = _days.BinarySearch(day);
            return _days[(i >= 0 ? i : ~i) + n];
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private Template WeightedPick(List<Template> templates, int total)
        {
            var x = _random.Next(total);
            foreach (var t in templates)
            {
                if ((x -= t.Weight) < 0)
                {
                    return t;
                }
            }

            return templates[^1];
        }

        private Unit WeightedUnit(List<Unit> units, int total)
        {
            var x = _random.Next(total);
            foreach (var u in units)
            {
                if ((x -= UnitWeights.GetValueOrDefault(u.Key)) < 0)
                {
                    return u;
                }
            }

            return units[^1];
        }

        private static string TopicOf(string unit) => unit switch
        {
            "区发改委" => "国民经济管理、国有资产监管",
            "区教育局" => "科技、教育",
            "区民政局" => "民政、扶贫、救灾",
            "区财政局" => "财政、金融、审计",
            "区人社局" => "劳动、人事、监察",
            "区住建局" => "城乡建设、环境保护",
            "区卫健委" => "卫生、体育",
            "区市场监管局" or "区应急管理局" => "市场监管、安全生产监管",
            "区司法局" => "公安、安全、司法",
            _ => "综合政务",
        };

        /// <summary>Splits <paramref name="total"/> by the weights (largest remainders), exactly.</summary>
        private static Dictionary<string, int> Scale(Dictionary<string, int> weights, int total)
        {
            var sum = weights.Values.Sum();
            var shares = weights.Select(w => (w.Key, Exact: (double)w.Value * total / sum)).ToList();
            var result = shares.ToDictionary(s => s.Key, s => (int)Math.Floor(s.Exact), StringComparer.Ordinal);
            foreach (var s in shares.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).ThenBy(s => s.Key, StringComparer.Ordinal).Take(total - result.Values.Sum()))
            {
                result[s.Key]++;
            }

            return result;
        }
#pragma warning restore CA5394
    }
}
