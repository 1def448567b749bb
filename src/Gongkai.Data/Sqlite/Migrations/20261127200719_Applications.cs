using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApplicantType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdDocumentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IdNumberProtected = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PhoneProtected = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProvisionForm = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DeliveryMethod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Arrived = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Received = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectionRequested = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectionDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectionReceived = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionApprover = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FeePaymentDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Decided = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HoldingAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Served = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_applications_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_applications_agencies_AssignedAgencyId",
                        column: x => x.AssignedAgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_number_sequences",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Next = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_number_sequences", x => new { x.AgencyId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "application_pauses",
                columns: table => new
                {
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Limit = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_pauses", x => new { x.ApplicationId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_application_pauses_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_AgencyId_State",
                table: "applications",
                columns: new[] { "AgencyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_AssignedAgencyId_State",
                table: "applications",
                columns: new[] { "AssignedAgencyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_CaseNumber",
                table: "applications",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_IdNumberIndex",
                table: "applications",
                column: "IdNumberIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_pauses");

            migrationBuilder.DropTable(
                name: "case_number_sequences");

            migrationBuilder.DropTable(
                name: "applications");
        }
    }
}
