using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Gongkai.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PrintReviewerNames",
                table: "publishing_check_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ProofreadingRounds",
                table: "publishing_check_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "catalogue_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    ProofreadingRound = table.Column<int>(type: "INTEGER", nullable: false),
                    ProofreadingRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    IndexNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IndexYear = table.Column<int>(type: "INTEGER", nullable: true),
                    IndexSerial = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    PublishingAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Formed = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Changed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Directory = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Article20Item = table.Column<int>(type: "INTEGER", nullable: true),
                    Article21Item = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Validity = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepealedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Attribute = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormativeDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_items_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_items_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_items_normative_documents_NormativeDocumentId",
                        column: x => x.NormativeDocumentId,
                        principalTable: "normative_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_terms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Figure = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_terms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_number_sequences",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Next = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_number_sequences", x => new { x.AgencyId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "catalogue_attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    UntilRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_attachments_catalogue_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "catalogue_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_item_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_item_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_item_events_catalogue_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "catalogue_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_item_links",
                columns: table => new
                {
                    InterpretationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_item_links", x => new { x.InterpretationId, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_catalogue_item_links_catalogue_items_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "catalogue_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_item_links_catalogue_items_InterpretationId",
                        column: x => x.InterpretationId,
                        principalTable: "catalogue_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_item_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Reviewers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_item_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_item_revisions_catalogue_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "catalogue_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_item_tags",
                columns: table => new
                {
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_item_tags", x => new { x.ItemId, x.TermId });
                    table.ForeignKey(
                        name: "FK_catalogue_item_tags_catalogue_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "catalogue_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_item_tags_catalogue_terms_TermId",
                        column: x => x.TermId,
                        principalTable: "catalogue_terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "catalogue_terms",
                columns: new[] { "Id", "Active", "Figure", "Kind", "Name", "SortOrder" },
                values: new object[,]
                {
                    { 1, true, null, "Topic", "综合政务", 1 },
                    { 2, true, null, "Topic", "国民经济管理、国有资产监管", 2 },
                    { 3, true, null, "Topic", "财政、金融、审计", 3 },
                    { 4, true, null, "Topic", "国土资源、能源", 4 },
                    { 5, true, null, "Topic", "农业、林业、水利", 5 },
                    { 6, true, null, "Topic", "工业、交通", 6 },
                    { 7, true, null, "Topic", "商贸、海关、旅游", 7 },
                    { 8, true, null, "Topic", "市场监管、安全生产监管", 8 },
                    { 9, true, null, "Topic", "城乡建设、环境保护", 9 },
                    { 10, true, null, "Topic", "科技、教育", 10 },
                    { 11, true, null, "Topic", "文化、广电、新闻出版", 11 },
                    { 12, true, null, "Topic", "卫生、体育", 12 },
                    { 13, true, null, "Topic", "人口与计划生育、妇女儿童工作", 13 },
                    { 14, true, null, "Topic", "劳动、人事、监察", 14 },
                    { 15, true, null, "Topic", "公安、安全、司法", 15 },
                    { 16, true, null, "Topic", "民政、扶贫、救灾", 16 },
                    { 17, true, null, "Topic", "民族、宗教", 17 },
                    { 18, true, null, "Topic", "对外事务", 18 },
                    { 19, true, null, "Topic", "港澳台侨工作", 19 },
                    { 20, true, null, "Topic", "国防", 20 },
                    { 21, true, null, "Topic", "其他", 21 },
                    { 22, true, null, "Validity", "有效", 1 },
                    { 23, true, null, "Validity", "失效", 2 },
                    { 24, true, null, "Validity", "废止", 3 },
                    { 25, true, "policy_documents", "KeyArea", "政策文件", 1 },
                    { 26, true, "proposal_replies", "KeyArea", "建议提案办理", 2 },
                    { 27, true, "compulsory_education", "KeyArea", "义务教育", 3 },
                    { 28, true, "employment_stabilisation", "KeyArea", "稳岗就业", 4 },
                    { 29, true, "elderly_care", "KeyArea", "养老服务", 5 },
                    { 30, true, null, "KeyArea", "财政预决算", 6 },
                    { 31, true, null, "KeyArea", "重大建设项目", 7 },
                    { 32, true, null, "KeyArea", "公共资源配置", 8 },
                    { 33, true, null, "KeyArea", "社会救助", 9 },
                    { 34, true, null, "KeyArea", "生态环境", 10 },
                    { 35, true, null, "KeyArea", "安全生产", 11 },
                    { 36, true, null, "KeyArea", "食品药品", 12 },
                    { 37, true, null, "KeyArea", "医疗卫生", 13 },
                    { 38, true, null, "KeyArea", "乡村振兴", 14 },
                    { 39, true, null, "KeyArea", "公共文化体育", 15 },
                    { 40, true, null, "KeyArea", "征地补偿", 16 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_attachments_ItemId_FromRevision",
                table: "catalogue_attachments",
                columns: new[] { "ItemId", "FromRevision" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_item_events_ItemId_Id",
                table: "catalogue_item_events",
                columns: new[] { "ItemId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_item_events_ItemId_RequestKey",
                table: "catalogue_item_events",
                columns: new[] { "ItemId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_item_links_DocumentId",
                table: "catalogue_item_links",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_item_revisions_ItemId_Revision",
                table: "catalogue_item_revisions",
                columns: new[] { "ItemId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_item_revisions_PublishedAt",
                table: "catalogue_item_revisions",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_item_tags_TermId",
                table: "catalogue_item_tags",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_items_AgencyId_FirstPublishedOn",
                table: "catalogue_items",
                columns: new[] { "AgencyId", "FirstPublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_items_AgencyId_IndexNumber",
                table: "catalogue_items",
                columns: new[] { "AgencyId", "IndexNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_items_AgencyId_Stage_DueOn",
                table: "catalogue_items",
                columns: new[] { "AgencyId", "Stage", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_items_ApplicationId",
                table: "catalogue_items",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_items_NormativeDocumentId",
                table: "catalogue_items",
                column: "NormativeDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_terms_Kind_Name",
                table: "catalogue_terms",
                columns: new[] { "Kind", "Name" },
                unique: true);

            // An item's history and its published versions are append-only in the database itself (see AppendOnlyTables).
            AppendOnlyTables.CreateSqlite(migrationBuilder, GongkaiDbContext.CatalogueItemEventsTableName, GongkaiDbContext.CatalogueRevisionsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropSqlite(migrationBuilder, GongkaiDbContext.CatalogueItemEventsTableName, GongkaiDbContext.CatalogueRevisionsTableName);

            migrationBuilder.DropTable(
                name: "catalogue_attachments");

            migrationBuilder.DropTable(
                name: "catalogue_item_events");

            migrationBuilder.DropTable(
                name: "catalogue_item_links");

            migrationBuilder.DropTable(
                name: "catalogue_item_revisions");

            migrationBuilder.DropTable(
                name: "catalogue_item_tags");

            migrationBuilder.DropTable(
                name: "index_number_sequences");

            migrationBuilder.DropTable(
                name: "catalogue_items");

            migrationBuilder.DropTable(
                name: "catalogue_terms");

            migrationBuilder.DropColumn(
                name: "PrintReviewerNames",
                table: "publishing_check_settings");

            migrationBuilder.DropColumn(
                name: "ProofreadingRounds",
                table: "publishing_check_settings");
        }
    }
}
