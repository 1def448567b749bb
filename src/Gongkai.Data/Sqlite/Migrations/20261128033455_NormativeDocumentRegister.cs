using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NormativeDocumentRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "normative_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Issued = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Effective = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Expires = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Repealed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepealedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_normative_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_normative_documents_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "normative_document_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_normative_document_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_normative_document_events_normative_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "normative_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_AgencyId_Type_Received_ApplicantType_Served_Decision",
                table: "applications",
                columns: new[] { "AgencyId", "Type", "Received", "ApplicantType", "Served", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_normative_document_events_DocumentId_Id",
                table: "normative_document_events",
                columns: new[] { "DocumentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_normative_document_events_DocumentId_RequestKey",
                table: "normative_document_events",
                columns: new[] { "DocumentId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_normative_documents_AgencyId_DocumentNumber",
                table: "normative_documents",
                columns: new[] { "AgencyId", "DocumentNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_normative_documents_AgencyId_Issued",
                table: "normative_documents",
                columns: new[] { "AgencyId", "Issued" });

            // The register's history is append-only in the database itself (see AppendOnlyTables).
            AppendOnlyTables.CreateSqlite(migrationBuilder, GongkaiDbContext.NormativeDocumentEventsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropSqlite(migrationBuilder, GongkaiDbContext.NormativeDocumentEventsTableName);

            migrationBuilder.DropTable(
                name: "normative_document_events");

            migrationBuilder.DropTable(
                name: "normative_documents");

            migrationBuilder.DropIndex(
                name: "IX_applications_AgencyId_Type_Received_ApplicantType_Served_Decision",
                table: "applications");
        }
    }
}
