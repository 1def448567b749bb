using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Portal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "portal_notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Pinned = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Directory = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Article20Item = table.Column<int>(type: "integer", nullable: true),
                    Article21Item = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Topic = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Validity = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FirstPublishedMs = table.Column<long>(type: "bigint", nullable: false),
                    FirstPublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IndexNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PublishingAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_search_documents_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "search_pending",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    DueMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_pending", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "site_error_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PageUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactProtected = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequestKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_error_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_portal_notices_PublishedAt",
                table: "portal_notices",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_AgencyId_FirstPublishedMs",
                table: "search_documents",
                columns: new[] { "AgencyId", "FirstPublishedMs" });

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_Directory_FirstPublishedMs",
                table: "search_documents",
                columns: new[] { "Directory", "FirstPublishedMs" });

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_FirstPublishedMs",
                table: "search_documents",
                column: "FirstPublishedMs");

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_ItemId",
                table: "search_documents",
                column: "ItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_Year_FirstPublishedMs",
                table: "search_documents",
                columns: new[] { "Year", "FirstPublishedMs" });

            migrationBuilder.CreateIndex(
                name: "IX_search_pending_DueMs",
                table: "search_pending",
                column: "DueMs");

            migrationBuilder.CreateIndex(
                name: "IX_search_pending_ItemId_Revision",
                table: "search_pending",
                columns: new[] { "ItemId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_site_error_reports_Number",
                table: "site_error_reports",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_site_error_reports_RequestKey",
                table: "site_error_reports",
                column: "RequestKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_site_error_reports_Status_CreatedAt",
                table: "site_error_reports",
                columns: new[] { "Status", "CreatedAt" });

            // The full-text part of the index (ADR 0014): a tsvector built in the application from segmented text
            // (title weighted A), with a GIN index.
            migrationBuilder.Sql("ALTER TABLE search_documents ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector;");
            migrationBuilder.Sql("CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_notices");

            migrationBuilder.DropTable(
                name: "search_documents");

            migrationBuilder.DropTable(
                name: "search_pending");

            migrationBuilder.DropTable(
                name: "site_error_reports");
        }
    }
}
