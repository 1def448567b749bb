using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.Calendar;
using Gongkai.Data.Cases;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>
/// The one model of Gongkai. Each provider has a subclass owning its migrations
/// (<see cref="Sqlite.SqliteGongkaiDbContext"/>, <see cref="Postgres.PostgresGongkaiDbContext"/>); code depends on this type.
/// </summary>
public abstract class GongkaiDbContext(DbContextOptions options) : IdentityDbContext<GongkaiUser>(options)
{
    /// <summary>The append-only audit table (its triggers are created in each provider's migration).</summary>
    public const string AuditTableName = "audit_entries";

    public const string ApplicationEventsTableName = "application_events";

    public const string ReviewCaseEventsTableName = "review_case_events";

    public const string AnnualReportEventsTableName = "annual_report_events";

    public const string NormativeDocumentEventsTableName = "normative_document_events";

    public const string CatalogueItemEventsTableName = "catalogue_item_events";

    public const string CatalogueRevisionsTableName = "catalogue_item_revisions";

    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();

    public DbSet<CalendarChangeRecord> CalendarChanges => Set<CalendarChangeRecord>();

    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();

    public DbSet<SystemSettingRecord> SystemSettings => Set<SystemSettingRecord>();

    public DbSet<AgencyMembershipRecord> AgencyMemberships => Set<AgencyMembershipRecord>();

    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();

    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();

    public DbSet<CaseNumberSequenceRecord> CaseNumberSequences => Set<CaseNumberSequenceRecord>();

    public DbSet<ApplicationEventRecord> ApplicationEvents => Set<ApplicationEventRecord>();

    public DbSet<ApplicationAttachmentRecord> ApplicationAttachments => Set<ApplicationAttachmentRecord>();

    public DbSet<Notifications.NotificationRecord> Notifications => Set<Notifications.NotificationRecord>();

    public DbSet<ApiTokenRecord> ApiTokens => Set<ApiTokenRecord>();

    public DbSet<ReviewCaseRecord> ReviewCases => Set<ReviewCaseRecord>();

    public DbSet<ReviewCaseEventRecord> ReviewCaseEvents => Set<ReviewCaseEventRecord>();

    public DbSet<ReviewDocumentRecord> ReviewDocuments => Set<ReviewDocumentRecord>();

    public DbSet<Letters.LetterTemplateRecord> LetterTemplates => Set<Letters.LetterTemplateRecord>();

    public DbSet<Letters.AgencyLetterSettingsRecord> AgencyLetterSettings => Set<Letters.AgencyLetterSettingsRecord>();

    public DbSet<Letters.LetterNumberSequenceRecord> LetterNumberSequences => Set<Letters.LetterNumberSequenceRecord>();

    public DbSet<Letters.ApplicationLetterRecord> ApplicationLetters => Set<Letters.ApplicationLetterRecord>();

    public DbSet<Reports.AnnualReportRecord> AnnualReports => Set<Reports.AnnualReportRecord>();

    public DbSet<Reports.AnnualReportEventRecord> AnnualReportEvents => Set<Reports.AnnualReportEventRecord>();

    public DbSet<Reports.ReportFiguresRecord> ReportFigures => Set<Reports.ReportFiguresRecord>();

    public DbSet<Reports.ReportDeadlineRecord> ReportDeadlines => Set<Reports.ReportDeadlineRecord>();

    public DbSet<Publishing.NormativeDocumentRecord> NormativeDocuments => Set<Publishing.NormativeDocumentRecord>();

    public DbSet<Publishing.NormativeDocumentEventRecord> NormativeDocumentEvents => Set<Publishing.NormativeDocumentEventRecord>();

    public DbSet<Publishing.PublishingCheckSettingsRecord> PublishingCheckSettings => Set<Publishing.PublishingCheckSettingsRecord>();

    public DbSet<Publishing.CatalogueItemRecord> CatalogueItems => Set<Publishing.CatalogueItemRecord>();

    public DbSet<Publishing.CatalogueRevisionRecord> CatalogueRevisions => Set<Publishing.CatalogueRevisionRecord>();

    public DbSet<Publishing.CatalogueAttachmentRecord> CatalogueAttachments => Set<Publishing.CatalogueAttachmentRecord>();

    public DbSet<Publishing.CatalogueItemEventRecord> CatalogueItemEvents => Set<Publishing.CatalogueItemEventRecord>();

    public DbSet<Publishing.CatalogueLinkRecord> CatalogueLinks => Set<Publishing.CatalogueLinkRecord>();

    public DbSet<Publishing.CatalogueItemTagRecord> CatalogueItemTags => Set<Publishing.CatalogueItemTagRecord>();

    public DbSet<Publishing.CatalogueTermRecord> CatalogueTerms => Set<Publishing.CatalogueTermRecord>();

    public DbSet<Publishing.IndexNumberSequenceRecord> IndexNumberSequences => Set<Publishing.IndexNumberSequenceRecord>();

    public DbSet<Portal.PortalNoticeRecord> PortalNotices => Set<Portal.PortalNoticeRecord>();

    public DbSet<Portal.SiteErrorReportRecord> SiteErrorReports => Set<Portal.SiteErrorReportRecord>();

    public DbSet<Portal.SearchDocumentRecord> SearchDocuments => Set<Portal.SearchDocumentRecord>();

    public DbSet<Portal.SearchPendingRecord> SearchPending => Set<Portal.SearchPendingRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<GongkaiUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.Property(x => x.MobileProtected).HasMaxLength(200);
        });

        modelBuilder.Entity<CalendarYearRecord>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.Papers).HasMaxLength(4000);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.LoadedBy).HasMaxLength(200);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasMany(x => x.Days).WithOne().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CalendarDayRecord>(e =>
        {
            e.ToTable("calendar_days");
            e.HasKey(x => new { x.Year, x.Date });
            e.Property(x => x.Name).HasMaxLength(50);
        });

        modelBuilder.Entity<CalendarChangeRecord>(e =>
        {
            e.ToTable("calendar_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.Source).HasMaxLength(500);
            e.HasIndex(x => new { x.Year, x.ChangedAt });
        });

        modelBuilder.Entity<AgencyRecord>(e =>
        {
            e.ToTable("agencies");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ShortName).HasMaxLength(100);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ReportScope).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.OfficeName).HasMaxLength(200);
            e.Property(x => x.OfficeAddress).HasMaxLength(300);
            e.Property(x => x.OfficeHours).HasMaxLength(200);
            e.Property(x => x.OfficePhone).HasMaxLength(100);
            e.Property(x => x.OfficeFax).HasMaxLength(100);
            e.Property(x => x.OfficeEmail).HasMaxLength(200);
            e.Property(x => x.OfficeWebsite).HasMaxLength(300);
            e.Property(x => x.IndexNumberPattern).HasMaxLength(100);
            e.Property(x => x.CaseNumberPattern).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.CreditCode).IsUnique();
        });

        modelBuilder.Entity<AgencyMembershipRecord>(e =>
        {
            e.ToTable("agency_memberships");
            e.HasKey(x => new { x.UserId, x.AgencyId });
            e.HasOne<GongkaiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ApplicationRecord>(e =>
        {
            e.ToTable("applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.CaseNumber).HasMaxLength(100);
            e.HasIndex(x => x.CaseNumber).IsUnique();
            e.Property(x => x.ApplicantType).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.IdDocumentType).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ProvisionForm).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.DeliveryMethod).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(60);
            e.Property(x => x.ApplicantName).HasMaxLength(200);
            e.Property(x => x.IdNumberProtected).HasMaxLength(300);
            e.Property(x => x.IdNumberIndex).HasMaxLength(64);
            e.Property(x => x.PhoneProtected).HasMaxLength(300);
            e.Property(x => x.ContactPerson).HasMaxLength(100);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.PostalCode).HasMaxLength(10);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.ExtensionApprover).HasMaxLength(100);
            e.Property(x => x.ExtensionReason).HasMaxLength(1000);
            e.Property(x => x.HoldingAgency).HasMaxLength(200);
            e.Property(x => x.RegisteredBy).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.QueryCodeProtected).HasMaxLength(200);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.Property(x => x.ApplicantUserId).HasMaxLength(450);
            e.HasIndex(x => x.ApplicantUserId);
            e.HasOne<GongkaiUser>().WithMany().HasForeignKey(x => x.ApplicantUserId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.ReceiptNote).HasMaxLength(500);
            e.Property(x => x.CorrectionPoints).HasMaxLength(4000);
            e.Property(x => x.CorrectionReply).HasMaxLength(4000);
            e.Property(x => x.DecisionSummary).HasMaxLength(4000);
            e.Property(x => x.ServiceMethod).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.FeeMethod).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ServiceEvidence).HasMaxLength(500);
            e.Property(x => x.ServiceTrackingNumber).HasMaxLength(30);
            e.Property(x => x.ServiceEntrustedTo).HasMaxLength(200);
            e.HasIndex(x => new { x.ServiceMethod, x.Served });
            e.Property(x => x.LongerDueReason).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.IdNumberIndex);
            e.HasIndex(x => new { x.AgencyId, x.State });
            e.HasIndex(x => new { x.State, x.DueDate });
            e.HasIndex(x => new { x.Decision, x.DueDate });
            e.HasIndex(x => new { x.AssignedAgencyId, x.State });
            // The annual report's grouped count of an agency's applications reads only this index (bench/README.md).
            e.HasIndex(x => new { x.AgencyId, x.Type, x.Received, x.ApplicantType, x.Served, x.Decision });
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AssignedAgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Pauses).WithOne().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ApplicationPauseRecord>(e =>
        {
            e.ToTable("application_pauses");
            e.HasKey(x => new { x.ApplicationId, x.Sequence });
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Party).HasMaxLength(200);
        });

        modelBuilder.Entity<ApplicationEventRecord>(e =>
        {
            e.ToTable(ApplicationEventsTableName);
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.StateAfter).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.RequestKey).HasMaxLength(100);
            e.HasIndex(x => new { x.ApplicationId, x.Id });
            e.HasIndex(x => new { x.ApplicationId, x.RequestKey }).IsUnique();
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ReviewCaseRecord>(e =>
        {
            e.ToTable("review_cases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.OutcomeDetail).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ExternalNumber).HasMaxLength(100);
            e.Property(x => x.Body).HasMaxLength(200);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.Property(x => x.RegisteredBy).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.AgencyId, x.Filed });
            e.HasIndex(x => x.ApplicationId);
            e.HasIndex(x => x.PreviousReviewId);
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ReviewCaseRecord>().WithMany().HasForeignKey(x => x.PreviousReviewId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ReviewCaseEventRecord>(e =>
        {
            e.ToTable(ReviewCaseEventsTableName);
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.RequestKey).HasMaxLength(100);
            e.HasIndex(x => new { x.ReviewCaseId, x.Id });
            e.HasIndex(x => new { x.ReviewCaseId, x.RequestKey }).IsUnique();
            e.HasOne<ReviewCaseRecord>().WithMany().HasForeignKey(x => x.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ReviewDocumentRecord>(e =>
        {
            e.ToTable("review_case_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.StorageKey).HasMaxLength(200);
            e.Property(x => x.UploadedBy).HasMaxLength(200);
            e.HasIndex(x => x.ReviewCaseId);
            e.HasOne<ReviewCaseRecord>().WithMany().HasForeignKey(x => x.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ApiTokenRecord>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(20);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.UserId);
            e.HasOne<GongkaiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Notifications.NotificationRecord>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Body).HasMaxLength(2000);
            e.Property(x => x.Link).HasMaxLength(300);
            e.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.UserId, x.ReadAt });
            e.HasOne<GongkaiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ApplicationAttachmentRecord>(e =>
        {
            e.ToTable("application_attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.StorageKey).HasMaxLength(200);
            e.HasIndex(x => x.ApplicationId);
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Letters.LetterTemplateRecord>(e =>
        {
            e.ToTable("letter_templates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(60);
            e.Property(x => x.Body).HasMaxLength(8000);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.AgencyId, x.Kind }).IsUnique();
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Letters.AgencyLetterSettingsRecord>(e =>
        {
            e.ToTable("agency_letter_settings");
            e.HasKey(x => x.AgencyId);
            e.Property(x => x.AgencyId).ValueGeneratedNever();
            e.Property(x => x.DocumentNumberPattern).HasMaxLength(60);
            e.Property(x => x.ReviewBody).HasMaxLength(100);
            e.Property(x => x.Court).HasMaxLength(100);
            e.Property(x => x.SealStorageKey).HasMaxLength(200);
            e.Property(x => x.SealContentType).HasMaxLength(30);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<AgencyRecord>().WithOne().HasForeignKey<Letters.AgencyLetterSettingsRecord>(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Letters.LetterNumberSequenceRecord>(e =>
        {
            e.ToTable("letter_number_sequences");
            e.HasKey(x => new { x.AgencyId, x.Year });
            e.Property(x => x.Next).IsConcurrencyToken();
        });

        modelBuilder.Entity<Letters.ApplicationLetterRecord>(e =>
        {
            e.ToTable("application_letters");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(60);
            e.Property(x => x.DocumentNumber).HasMaxLength(80);
            e.Property(x => x.Body).HasMaxLength(16000);
            e.Property(x => x.IssuedBy).HasMaxLength(200);
            e.Property(x => x.DocxStorageKey).HasMaxLength(200);
            e.Property(x => x.PdfStorageKey).HasMaxLength(200);
            e.Property(x => x.HtmlStorageKey).HasMaxLength(200);
            e.Property(x => x.RequestKey).HasMaxLength(100);
            e.HasIndex(x => x.ApplicationId);
            e.HasIndex(x => new { x.ApplicationId, x.RequestKey }).IsUnique();
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Reports.AnnualReportRecord>(e =>
        {
            e.ToTable("annual_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Introduction).HasMaxLength(4000);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.ReturnComment).HasMaxLength(4000);
            e.Property(x => x.CorrectionReason).HasMaxLength(2000);
            e.Property(x => x.ImportedFileName).HasMaxLength(255);
            e.Property(x => x.ImportedStorageKey).HasMaxLength(200);
            e.Property(x => x.ImportedContentType).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.AgencyId, x.Year, x.Edition }).IsUnique();
            e.HasIndex(x => new { x.Year, x.Status });
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Reports.AnnualReportEventRecord>(e =>
        {
            e.ToTable(AnnualReportEventsTableName);
            e.HasKey(x => x.Id);
            e.Property(x => x.ActorUserName).HasMaxLength(200);
            e.Property(x => x.ActorDisplayName).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Comment).HasMaxLength(4000);
            e.Property(x => x.RequestKey).HasMaxLength(100);
            e.HasIndex(x => new { x.ReportId, x.Id });
            e.HasIndex(x => new { x.ReportId, x.RequestKey }).IsUnique();
            e.HasOne(x => x.Report).WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Reports.ReportFiguresRecord>(e =>
        {
            e.ToTable("report_figures");
            e.HasKey(x => new { x.AgencyId, x.Year });
            e.Property(x => x.AdministrativeFees).HasPrecision(18, 6);
            e.Property(x => x.AdministrativeFeesText).HasMaxLength(40);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Reports.ReportDeadlineRecord>(e =>
        {
            e.ToTable("report_deadlines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.SupervisorAgencyId, x.Kind }).IsUnique();
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.SupervisorAgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Publishing.NormativeDocumentRecord>(e =>
        {
            e.ToTable("normative_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.DocumentNumber).HasMaxLength(100);
            e.Property(x => x.RepealedBy).HasMaxLength(300);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.AgencyId, x.DocumentNumber }).IsUnique();
            e.HasIndex(x => new { x.AgencyId, x.Issued });
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Publishing.NormativeDocumentEventRecord>(e =>
        {
            e.ToTable(NormativeDocumentEventsTableName);
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.RequestKey).HasMaxLength(100);
            e.HasIndex(x => new { x.DocumentId, x.Id });
            e.HasIndex(x => new { x.DocumentId, x.RequestKey }).IsUnique();
            e.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Publishing.PublishingCheckSettingsRecord>(e =>
        {
            e.ToTable("publishing_check_settings");
            e.HasKey(x => x.AgencyId);
            e.Property(x => x.AgencyId).ValueGeneratedNever();
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        Publishing.CatalogueModel.Configure(modelBuilder);
        Portal.PortalModel.Configure(modelBuilder);

        modelBuilder.Entity<CaseNumberSequenceRecord>(e =>
        {
            e.ToTable("case_number_sequences");
            e.HasKey(x => new { x.AgencyId, x.Year });
            e.Property(x => x.Next).IsConcurrencyToken();
        });

        modelBuilder.Entity<AuditEntryRecord>(e =>
        {
            e.ToTable(AuditTableName);
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.ActorUserId).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.EntityType).HasMaxLength(50);
            e.Property(x => x.EntityId).HasMaxLength(200);
            e.Property(x => x.Operation).HasMaxLength(10);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.HasIndex(x => x.ActingAgencyId);
        });

        modelBuilder.Entity<SystemSettingRecord>(e =>
        {
            e.ToTable("system_settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(4000);
        });
    }
}
