using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrectionPoints",
                table: "applications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReply",
                table: "applications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionSummary",
                table: "applications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueDate",
                table: "applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LongerDue",
                table: "applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LongerDueReason",
                table: "applications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QueryCodeProtected",
                table: "applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptNote",
                table: "applications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceEvidence",
                table: "applications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceMethod",
                table: "applications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "applications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "InformationDisclosure");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "applications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "LetterReceived",
                table: "application_pauses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Party",
                table: "application_pauses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "application_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_attachments_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OnDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StateAfter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    DueAfter = table.Column<DateOnly>(type: "date", nullable: true),
                    VisibleToApplicant = table.Column<bool>(type: "boolean", nullable: false),
                    RequestKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_events_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_IdempotencyKey",
                table: "applications",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_State_DueDate",
                table: "applications",
                columns: new[] { "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_application_attachments_ApplicationId",
                table: "application_attachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_application_events_ApplicationId_Id",
                table: "application_events",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_application_events_ApplicationId_RequestKey",
                table: "application_events",
                columns: new[] { "ApplicationId", "RequestKey" },
                unique: true);

            // The case history is append-only in the database itself (see AppendOnlyTables).
            AppendOnlyTables.CreatePostgres(migrationBuilder, GongkaiDbContext.ApplicationEventsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropPostgres(migrationBuilder, GongkaiDbContext.ApplicationEventsTableName);

            migrationBuilder.DropTable(
                name: "application_attachments");

            migrationBuilder.DropTable(
                name: "application_events");

            migrationBuilder.DropIndex(
                name: "IX_applications_IdempotencyKey",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "IX_applications_State_DueDate",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "CorrectionPoints",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "CorrectionReply",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "DecisionSummary",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "DueDate",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "LongerDue",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "LongerDueReason",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "QueryCodeProtected",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ReceiptNote",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ServiceEvidence",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ServiceMethod",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "LetterReceived",
                table: "application_pauses");

            migrationBuilder.DropColumn(
                name: "Party",
                table: "application_pauses");
        }
    }
}
