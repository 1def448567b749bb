using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Letters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ServiceEntrustedTo",
                table: "applications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceTrackingNumber",
                table: "applications",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agency_letter_settings",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentNumberPattern = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ReviewBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SealStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SealContentType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency_letter_settings", x => x.AgencyId);
                    table.ForeignKey(
                        name: "FK_agency_letter_settings_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_letters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    PauseSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocxStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HtmlStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PdfStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ToApplicant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Superseded = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_letters_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "letter_number_sequences",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Next = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_number_sequences", x => new { x.AgencyId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "letter_templates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_templates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_letter_templates_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_ServiceMethod_Served",
                table: "applications",
                columns: new[] { "ServiceMethod", "Served" });

            migrationBuilder.CreateIndex(
                name: "IX_application_letters_ApplicationId",
                table: "application_letters",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_application_letters_ApplicationId_RequestKey",
                table: "application_letters",
                columns: new[] { "ApplicationId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letter_templates_AgencyId_Kind",
                table: "letter_templates",
                columns: new[] { "AgencyId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agency_letter_settings");

            migrationBuilder.DropTable(
                name: "application_letters");

            migrationBuilder.DropTable(
                name: "letter_number_sequences");

            migrationBuilder.DropTable(
                name: "letter_templates");

            migrationBuilder.DropIndex(
                name: "IX_applications_ServiceMethod_Served",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ServiceEntrustedTo",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ServiceTrackingNumber",
                table: "applications");
        }
    }
}
