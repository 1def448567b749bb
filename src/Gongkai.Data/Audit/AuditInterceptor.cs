using System.Text.Json;
using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Data.Calendar;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Data.Audit;

/// <summary>
/// Writes an audit entry for every row a save adds, changes or deletes, in the same transaction as the change: the
/// interceptor opens a transaction when none is open, saves, then adds the entries (now with database-generated
/// keys) and commits. A failed save writes nothing.
/// </summary>
public sealed class AuditInterceptor(AuditContext audit, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Values never copied into the history (secrets and stamps).</summary>
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
        nameof(ApiTokenRecord.Hash), nameof(Cases.ApplicationAttachmentRecord.StorageKey), // also ReviewDocumentRecord.StorageKey
        nameof(Letters.ApplicationLetterRecord.DocxStorageKey), nameof(Letters.ApplicationLetterRecord.PdfStorageKey), nameof(Letters.ApplicationLetterRecord.HtmlStorageKey), nameof(Letters.AgencyLetterSettingsRecord.SealStorageKey),
    };

    /// <summary>
    /// Tables whose rows are not audited, each for a reason: the histories themselves (audit, calendar changes, case
    /// history), Identity's own bookkeeping (tokens, logins, claims) whose effects are audited on the account, and the
    /// portal's search index, which is derived from audited catalogue changes and rebuilt from them.
    /// </summary>
    public static readonly IReadOnlySet<Type> NotAudited = new HashSet<Type>
    {
        typeof(AuditEntryRecord), typeof(CalendarChangeRecord), typeof(Cases.ApplicationEventRecord), typeof(Cases.ReviewCaseEventRecord), typeof(Reports.AnnualReportEventRecord), typeof(Publishing.NormativeDocumentEventRecord), typeof(Publishing.CatalogueItemEventRecord), typeof(Publishing.CatalogueRevisionRecord),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>), typeof(IdentityRoleClaim<string>),
        typeof(Portal.SearchDocumentRecord), typeof(Portal.SearchPendingRecord),
    };

    /// <summary>The entity types whose changes are written into the audit history, with their Chinese names.</summary>
    public static IReadOnlyDictionary<Type, string> AuditedEntities => EntityNames;

    private static readonly Dictionary<Type, string> EntityNames = new()
    {
        [typeof(AgencyRecord)] = "机构",
        [typeof(AgencyMembershipRecord)] = "账号所属机构",
        [typeof(CalendarYearRecord)] = "工作日历年份",
        [typeof(CalendarDayRecord)] = "工作日历日期",
        [typeof(GongkaiUser)] = "账号",
        [typeof(IdentityRole)] = "角色",
        [typeof(IdentityUserRole<string>)] = "账号角色",
        [typeof(SystemSettingRecord)] = "系统设置",
        [typeof(Cases.ApplicationRecord)] = "申请",
        [typeof(Cases.ApplicationPauseRecord)] = "申请期限暂停",
        [typeof(Cases.CaseNumberSequenceRecord)] = "受理编号序列",
        [typeof(Cases.ApplicationAttachmentRecord)] = "申请附件",
        [typeof(Notifications.NotificationRecord)] = "提醒",
        [typeof(ApiTokenRecord)] = "接口令牌",
        [typeof(Cases.ReviewCaseRecord)] = "行政复议和诉讼",
        [typeof(Cases.ReviewDocumentRecord)] = "复议诉讼材料",
        [typeof(Letters.LetterTemplateRecord)] = "文书模板",
        [typeof(Letters.AgencyLetterSettingsRecord)] = "文书设置",
        [typeof(Letters.LetterNumberSequenceRecord)] = "文号序列",
        [typeof(Letters.ApplicationLetterRecord)] = "申请文书",
        [typeof(Reports.AnnualReportRecord)] = "年度报告",
        [typeof(Reports.ReportFiguresRecord)] = "年度报告填报数据",
        [typeof(Reports.ReportDeadlineRecord)] = "年度报告期限",
        [typeof(Publishing.NormativeDocumentRecord)] = "规范性文件",
        [typeof(Publishing.PublishingCheckSettingsRecord)] = "发布设置",
        [typeof(Publishing.CatalogueItemRecord)] = "公开信息",
        [typeof(Publishing.CatalogueAttachmentRecord)] = "公开信息附件",
        [typeof(Publishing.CatalogueLinkRecord)] = "政策解读关联",
        [typeof(Publishing.CatalogueItemTagRecord)] = "重点领域标签",
        [typeof(Publishing.CatalogueTermRecord)] = "目录词表",
        [typeof(Publishing.IndexNumberSequenceRecord)] = "索引号序列",
        [typeof(Portal.PortalNoticeRecord)] = "网站公告",
        [typeof(Portal.SiteErrorReportRecord)] = "网站找错",
    };

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private List<Pending>? _pending;
    private IDbContextTransaction? _ownTransaction;
    private bool _writingAudit;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var db = eventData.Context;
        if (db is null || _writingAudit)
        {
            return result;
        }

        _pending = Collect(db);
        if (_pending.Count > 0 && db.Database.CurrentTransaction is null)
        {
            _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && !_writingAudit && Collect(db).Count > 0)
        {
            throw Sync();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var db = eventData.Context;
        if (db is null || _writingAudit || _pending is not { Count: > 0 } pending)
        {
            return result;
        }

        _pending = null;
        var at = clock.GetUtcNow();
        foreach (var p in pending)
        {
            db.Set<AuditEntryRecord>().Add(new AuditEntryRecord
            {
                At = at,
                Actor = audit.Actor,
                ActorUserId = audit.ActorUserId,
                ActingAgencyId = audit.ActingAgencyId,
                Action = audit.Action ?? "未命名操作",
                EntityType = p.EntityType,
                EntityId = KeyOf(p.Entry),
                Operation = p.Operation,
                Before = p.Before,
                After = p.Operation == "删除" ? null : Values(p.Entry, p.ChangedProperties, current: true),
            });
        }

        _writingAudit = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (_ownTransaction is not null)
            {
                await _ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            _writingAudit = false;
            await DisposeTransactionAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_writingAudit)
        {
            _pending = null;
            if (_ownTransaction is not null)
            {
                await _ownTransaction.RollbackAsync(cancellationToken);
                await DisposeTransactionAsync();
            }
        }
    }

    private async Task DisposeTransactionAsync()
    {
        if (_ownTransaction is not null)
        {
            await _ownTransaction.DisposeAsync();
            _ownTransaction = null;
        }
    }

    private static List<Pending> Collect(DbContext db)
    {
        var list = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !EntityNames.TryGetValue(entry.Metadata.ClrType, out var name))
            {
                continue;
            }

            var changed = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList()
                : entry.Properties.Select(p => p.Metadata.Name).ToList();
            if (entry.State == EntityState.Modified && changed.Count == 0)
            {
                continue;
            }

            var operation = entry.State switch
            {
                EntityState.Added => "新增",
                EntityState.Modified => "修改",
                _ => "删除",
            };
            var before = entry.State == EntityState.Added ? null : Values(entry, changed, current: false);
            list.Add(new Pending(entry, name, operation, changed, before));
        }

        return list;
    }

    private static string Values(EntityEntry entry, IReadOnlyList<string> properties, bool current)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in properties)
        {
            var p = entry.Property(name);
            values[name] = SecretProperties.Contains(name) ? "（不记录）"
                : name.EndsWith("Protected", StringComparison.Ordinal) ? "（已加密）"
                : current ? p.CurrentValue : p.OriginalValue;
        }

        return JsonSerializer.Serialize(values, Json);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? string.Empty : string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static InvalidOperationException Sync() => new("Gongkai saves asynchronously (SaveChangesAsync) so that audit history is written in the same transaction.");

    private sealed record Pending(EntityEntry Entry, string EntityType, string Operation, IReadOnlyList<string> ChangedProperties, string? Before);
}
