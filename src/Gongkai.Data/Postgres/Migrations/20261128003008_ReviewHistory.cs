using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "review_case_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OnDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequestKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
            AppendOnlyTables.CreatePostgres(migrationBuilder, GongkaiDbContext.ReviewCaseEventsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropPostgres(migrationBuilder, GongkaiDbContext.ReviewCaseEventsTableName);

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
