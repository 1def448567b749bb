using Gongkai.Data.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Portal;

/// <summary>The portal's tables: notices, 找错 tickets and the search index's relational part.</summary>
internal static class PortalModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PortalNoticeRecord>(e =>
        {
            e.ToTable("portal_notices");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Body).HasMaxLength(2000);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.WithdrawnBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.PublishedAt);
        });

        modelBuilder.Entity<SiteErrorReportRecord>(e =>
        {
            e.ToTable("site_error_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(30);
            e.Property(x => x.PageUrl).HasMaxLength(500);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.ContactName).HasMaxLength(50);
            e.Property(x => x.ContactProtected).HasMaxLength(500);
            e.Property(x => x.RequestKey).HasMaxLength(64);
            e.Property(x => x.Resolution).HasMaxLength(1000);
            e.Property(x => x.HandledBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.RequestKey).IsUnique();
            e.HasIndex(x => new { x.Status, x.CreatedAt });
        });

        modelBuilder.Entity<SearchDocumentRecord>(e =>
        {
            e.ToTable("search_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Directory).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Article21Item).HasMaxLength(50);
            e.Property(x => x.Topic).HasMaxLength(50);
            e.Property(x => x.Validity).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.IndexNumber).HasMaxLength(100);
            e.Property(x => x.PublishingAgency).HasMaxLength(200);
            e.Property(x => x.DocumentNumber).HasMaxLength(100);
            e.HasIndex(x => x.ItemId).IsUnique();
            e.HasIndex(x => x.FirstPublishedMs);
            e.HasIndex(x => new { x.AgencyId, x.FirstPublishedMs });
            e.HasIndex(x => new { x.Directory, x.FirstPublishedMs });
            e.HasIndex(x => new { x.Year, x.FirstPublishedMs });
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SearchPendingRecord>(e =>
        {
            e.ToTable("search_pending");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DueMs);
            e.HasIndex(x => new { x.ItemId, x.Revision }).IsUnique();
        });
    }
}
