using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "review_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "review_case_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_case_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_case_documents_review_cases_ReviewCaseId",
                        column: x => x.ReviewCaseId,
                        principalTable: "review_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_case_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OnDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_case_events_review_cases_ReviewCaseId",
                        column: x => x.ReviewCaseId,
                        principalTable: "review_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_review_cases_IdempotencyKey",
                table: "review_cases",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_case_documents_ReviewCaseId",
                table: "review_case_documents",
                column: "ReviewCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_review_case_events_ReviewCaseId_Id",
                table: "review_case_events",
                columns: new[] { "ReviewCaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_review_case_events_ReviewCaseId_RequestKey",
                table: "review_case_events",
                columns: new[] { "ReviewCaseId", "RequestKey" },
                unique: true);

            // The review-case history is append-only in the database itself (see AppendOnlyTables).
            AppendOnlyTables.CreateSqlite(migrationBuilder, GongkaiDbContext.ReviewCaseEventsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropSqlite(migrationBuilder, GongkaiDbContext.ReviewCaseEventsTableName);

            migrationBuilder.DropTable(
                name: "review_case_documents");

            migrationBuilder.DropTable(
                name: "review_case_events");

            migrationBuilder.DropIndex(
                name: "IX_review_cases_IdempotencyKey",
                table: "review_cases");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "review_cases");
        }
    }
}
