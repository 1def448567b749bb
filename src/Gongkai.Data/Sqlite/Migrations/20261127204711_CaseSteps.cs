using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReply",
                table: "applications",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionSummary",
                table: "applications",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueDate",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "applications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LongerDue",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LongerDueReason",
                table: "applications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QueryCodeProtected",
                table: "applications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptNote",
                table: "applications",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceEvidence",
                table: "applications",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceMethod",
                table: "applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "applications",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "InformationDisclosure");

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "applications",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "LetterReceived",
                table: "application_pauses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Party",
                table: "application_pauses",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "application_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OnDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StateAfter = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueBefore = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueAfter = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VisibleToApplicant = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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
            AppendOnlyTables.CreateSqlite(migrationBuilder, GongkaiDbContext.ApplicationEventsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropSqlite(migrationBuilder, GongkaiDbContext.ApplicationEventsTableName);

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
