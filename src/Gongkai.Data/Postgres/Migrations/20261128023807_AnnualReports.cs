using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Edition = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Introduction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ImportedFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ImportedStorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ImportedContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ImportEnvelope = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupervisorAgencyId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    ShiftToWorkingDay = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RegulationsIssued = table.Column<long>(type: "bigint", nullable: true),
                    RegulationsRepealed = table.Column<long>(type: "bigint", nullable: true),
                    RegulationsInForce = table.Column<long>(type: "bigint", nullable: true),
                    NormativeDocumentsIssued = table.Column<long>(type: "bigint", nullable: true),
                    NormativeDocumentsRepealed = table.Column<long>(type: "bigint", nullable: true),
                    NormativeDocumentsInForce = table.Column<long>(type: "bigint", nullable: true),
                    AdministrativeLicensing = table.Column<long>(type: "bigint", nullable: true),
                    AdministrativePenalty = table.Column<long>(type: "bigint", nullable: true),
                    AdministrativeCoercion = table.Column<long>(type: "bigint", nullable: true),
                    AdministrativeFees = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    AdministrativeFeesText = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ItemsPublished = table.Column<long>(type: "bigint", nullable: true),
                    KeyAreaItems = table.Column<long>(type: "bigint", nullable: true),
                    PolicyInterpretations = table.Column<long>(type: "bigint", nullable: true),
                    NewMediaAccounts = table.Column<long>(type: "bigint", nullable: true),
                    NewMediaPosts = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorDisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RequestKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
            AppendOnlyTables.CreatePostgres(migrationBuilder, GongkaiDbContext.AnnualReportEventsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropPostgres(migrationBuilder, GongkaiDbContext.AnnualReportEventsTableName);

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
