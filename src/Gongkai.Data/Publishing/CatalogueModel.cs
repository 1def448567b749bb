using Gongkai.Data.Agencies;
using Gongkai.Data.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>The catalogue's tables, indexes and starter lists.</summary>
internal static class CatalogueModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CatalogueItemRecord>(e =>
        {
            e.ToTable("catalogue_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Directory).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Attribute).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.IndexNumber).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.PublishingAgency).HasMaxLength(200);
            e.Property(x => x.DocumentNumber).HasMaxLength(100);
            e.Property(x => x.Topic).HasMaxLength(50);
            e.Property(x => x.Article21Item).HasMaxLength(50);
            e.Property(x => x.Validity).HasMaxLength(50);
            e.Property(x => x.Keywords).HasMaxLength(200);
            e.Property(x => x.Source).HasMaxLength(200);
            e.Property(x => x.WithdrawReason).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.AgencyId, x.IndexNumber }).IsUnique();
            e.HasIndex(x => new { x.AgencyId, x.Stage, x.DueOn });
            e.HasIndex(x => new { x.AgencyId, x.FirstPublishedOn });
            e.HasIndex(x => x.ApplicationId);
            e.HasOne<AgencyRecord>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<NormativeDocumentRecord>().WithMany().HasForeignKey(x => x.NormativeDocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CatalogueRevisionRecord>(e =>
        {
            e.ToTable(GongkaiDbContext.CatalogueRevisionsTableName);
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.ChangeNote).HasMaxLength(500);
            e.Property(x => x.Reviewers).HasMaxLength(1000);
            e.Property(x => x.PublishedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.ItemId, x.Revision }).IsUnique();
            e.HasIndex(x => x.PublishedAt);
            e.HasOne<CatalogueItemRecord>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CatalogueAttachmentRecord>(e =>
        {
            e.ToTable("catalogue_attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileKey).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.AddedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.ItemId, x.FromRevision });
            e.HasOne<CatalogueItemRecord>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CatalogueItemEventRecord>(e =>
        {
            e.ToTable(GongkaiDbContext.CatalogueItemEventsTableName);
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.ActorUserId).HasMaxLength(100);
            e.Property(x => x.RequestKey).HasMaxLength(100);
            e.HasIndex(x => new { x.ItemId, x.Id });
            e.HasIndex(x => new { x.ItemId, x.RequestKey }).IsUnique();
            e.HasOne<CatalogueItemRecord>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CatalogueLinkRecord>(e =>
        {
            e.ToTable("catalogue_item_links");
            e.HasKey(x => new { x.InterpretationId, x.DocumentId });
            e.HasIndex(x => x.DocumentId);
            e.HasOne<CatalogueItemRecord>().WithMany().HasForeignKey(x => x.InterpretationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CatalogueItemRecord>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CatalogueItemTagRecord>(e =>
        {
            e.ToTable("catalogue_item_tags");
            e.HasKey(x => new { x.ItemId, x.TermId });
            e.HasIndex(x => x.TermId);
            e.HasOne<CatalogueItemRecord>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CatalogueTermRecord>().WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CatalogueTermRecord>(e =>
        {
            e.ToTable("catalogue_terms");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Figure).HasMaxLength(50);
            e.HasIndex(x => new { x.Kind, x.Name }).IsUnique();
            e.HasData(StarterTerms());
        });

        modelBuilder.Entity<IndexNumberSequenceRecord>(e =>
        {
            e.ToTable("index_number_sequences");
            e.HasKey(x => new { x.AgencyId, x.Year });
            e.Property(x => x.Next).IsConcurrencyToken();
        });
    }

    /// <summary>
    /// The starter lists: 主题分类 as used by the national government portal's catalogue, 有效性 as seen on portals,
    /// and the 重点领域 the annual report counts (five of them tied to the narrative's figures).
    /// </summary>
    private static IEnumerable<CatalogueTermRecord> StarterTerms()
    {
        string[] topics =
        [
            "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源", "农业、林业、水利", "工业、交通",
            "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育",
            "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务",
            "港澳台侨工作", "国防", "其他",
        ];
        string[] validity = ["有效", "失效", "废止"];
        (string Name, string? Figure)[] keyAreas =
        [
            ("政策文件", "policy_documents"), ("建议提案办理", "proposal_replies"), ("义务教育", "compulsory_education"),
            ("稳岗就业", "employment_stabilisation"), ("养老服务", "elderly_care"), ("财政预决算", null), ("重大建设项目", null),
            ("公共资源配置", null), ("社会救助", null), ("生态环境", null), ("安全生产", null), ("食品药品", null),
            ("医疗卫生", null), ("乡村振兴", null), ("公共文化体育", null), ("征地补偿", null),
        ];
        var id = 0;
        foreach (var (name, i) in topics.Select((n, i) => (n, i)))
        {
            yield return new CatalogueTermRecord { Id = ++id, Kind = CatalogueTermKind.Topic, Name = name, SortOrder = i + 1 };
        }

        foreach (var (name, i) in validity.Select((n, i) => (n, i)))
        {
            yield return new CatalogueTermRecord { Id = ++id, Kind = CatalogueTermKind.Validity, Name = name, SortOrder = i + 1 };
        }

        foreach (var ((name, figure), i) in keyAreas.Select((n, i) => (n, i)))
        {
            yield return new CatalogueTermRecord { Id = ++id, Kind = CatalogueTermKind.KeyArea, Name = name, SortOrder = i + 1, Figure = figure };
        }
    }
}
