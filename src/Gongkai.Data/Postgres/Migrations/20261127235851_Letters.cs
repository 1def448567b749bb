using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceTrackingNumber",
                table: "applications",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agency_letter_settings",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    DocumentNumberPattern = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ReviewBody = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Court = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SealStorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SealContentType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Body = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    PauseSequence = table.Column<int>(type: "integer", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocxStorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HtmlStorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PdfStorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ToApplicant = table.Column<bool>(type: "boolean", nullable: false),
                    Superseded = table.Column<bool>(type: "boolean", nullable: false),
                    RequestKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Next = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_number_sequences", x => new { x.AgencyId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "letter_templates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
