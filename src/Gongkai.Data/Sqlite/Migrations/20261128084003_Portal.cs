using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Directory = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Article20Item = table.Column<int>(type: "INTEGER", nullable: true),
                    Article21Item = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Validity = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstPublishedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IndexNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishingAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    DueMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_pending", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "site_error_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PageUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactProtected = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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

            // The full-text part of the index (ADR 0014): contentless FTS5 over text segmented in the application; the
            // rowid is search_documents.Id. unicode61 splits the segmenter's space-separated words.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_fts;");
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
