using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AgenciesAccountsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaseNumberPattern",
                table: "agencies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CreditCode",
                table: "agencies",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IndexNumberPattern",
                table: "agencies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OfficeAddress",
                table: "agencies",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OfficeEmail",
                table: "agencies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OfficeFax",
                table: "agencies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OfficeHours",
                table: "agencies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OfficeName",
                table: "agencies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OfficePhone",
                table: "agencies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OfficeWebsite",
                table: "agencies",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ReceivesApplications",
                table: "agencies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReportScope",
                table: "agencies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SupervisorId",
                table: "agencies",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "agencies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "agency_memberships",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency_memberships", x => new { x.UserId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_agency_memberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agency_memberships_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActingAgencyId = table.Column<int>(type: "integer", nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Operation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agencies_CreditCode",
                table: "agencies",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agencies_SupervisorId",
                table: "agencies",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_agency_memberships_AgencyId",
                table: "agency_memberships",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_ActingAgencyId",
                table: "audit_entries",
                column: "ActingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_EntityType_EntityId",
                table: "audit_entries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.AddForeignKey(
                name: "FK_agencies_agencies_SupervisorId",
                table: "agencies",
                column: "SupervisorId",
                principalTable: "agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropForeignKey(
                name: "FK_agencies_agencies_SupervisorId",
                table: "agencies");

            migrationBuilder.DropTable(
                name: "agency_memberships");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_agencies_CreditCode",
                table: "agencies");

            migrationBuilder.DropIndex(
                name: "IX_agencies_SupervisorId",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "CaseNumberPattern",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "CreditCode",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "IndexNumberPattern",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "OfficeAddress",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "OfficeEmail",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "OfficeFax",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "OfficeHours",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "OfficeName",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "OfficePhone",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "OfficeWebsite",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "ReceivesApplications",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "ReportScope",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "SupervisorId",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "agencies");
        }
    }
}
