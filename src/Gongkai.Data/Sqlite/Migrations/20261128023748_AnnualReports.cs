using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AnnualReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ImportedFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ImportedStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ImportedContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ImportEnvelope = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_annual_reports_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_deadlines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupervisorAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    ShiftToWorkingDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_deadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_deadlines_agencies_SupervisorAgencyId",
                        column: x => x.SupervisorAgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_figures",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RegulationsIssued = table.Column<long>(type: "INTEGER", nullable: true),
                    RegulationsRepealed = table.Column<long>(type: "INTEGER", nullable: true),
                    RegulationsInForce = table.Column<long>(type: "INTEGER", nullable: true),
                    NormativeDocumentsIssued = table.Column<long>(type: "INTEGER", nullable: true),
                    NormativeDocumentsRepealed = table.Column<long>(type: "INTEGER", nullable: true),
                    NormativeDocumentsInForce = table.Column<long>(type: "INTEGER", nullable: true),
                    AdministrativeLicensing = table.Column<long>(type: "INTEGER", nullable: true),
                    AdministrativePenalty = table.Column<long>(type: "INTEGER", nullable: true),
                    AdministrativeCoercion = table.Column<long>(type: "INTEGER", nullable: true),
                    AdministrativeFees = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    AdministrativeFeesText = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ItemsPublished = table.Column<long>(type: "INTEGER", nullable: true),
                    KeyAreaItems = table.Column<long>(type: "INTEGER", nullable: true),
                    PolicyInterpretations = table.Column<long>(type: "INTEGER", nullable: true),
                    NewMediaAccounts = table.Column<long>(type: "INTEGER", nullable: true),
                    NewMediaPosts = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_figures", x => new { x.AgencyId, x.Year });
                    table.ForeignKey(
                        name: "FK_report_figures_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "annual_report_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorDisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_report_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_annual_report_events_annual_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "annual_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_annual_report_events_ReportId_Id",
                table: "annual_report_events",
                columns: new[] { "ReportId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_annual_report_events_ReportId_RequestKey",
                table: "annual_report_events",
                columns: new[] { "ReportId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_AgencyId_Year_Edition",
                table: "annual_reports",
                columns: new[] { "AgencyId", "Year", "Edition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_Year_Status",
                table: "annual_reports",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_report_deadlines_SupervisorAgencyId_Kind",
                table: "report_deadlines",
                columns: new[] { "SupervisorAgencyId", "Kind" },
                unique: true);

            // The report workflow history is append-only in the database itself (see AppendOnlyTables).
            AppendOnlyTables.CreateSqlite(migrationBuilder, GongkaiDbContext.AnnualReportEventsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropSqlite(migrationBuilder, GongkaiDbContext.AnnualReportEventsTableName);

            migrationBuilder.DropTable(
                name: "annual_report_events");

            migrationBuilder.DropTable(
                name: "report_deadlines");

            migrationBuilder.DropTable(
                name: "report_figures");

            migrationBuilder.DropTable(
                name: "annual_reports");
        }
    }
}
