using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Issued = table.Column<DateOnly>(type: "date", nullable: false),
                    Effective = table.Column<DateOnly>(type: "date", nullable: true),
                    Expires = table.Column<DateOnly>(type: "date", nullable: true),
                    Repealed = table.Column<DateOnly>(type: "date", nullable: true),
                    RepealedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                name: "IX_applications_AgencyId_Type_Received_ApplicantType_Served_De~",
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
            AppendOnlyTables.CreatePostgres(migrationBuilder, GongkaiDbContext.NormativeDocumentEventsTableName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTables.DropPostgres(migrationBuilder, GongkaiDbContext.NormativeDocumentEventsTableName);

            migrationBuilder.DropTable(
                name: "normative_document_events");

            migrationBuilder.DropTable(
                name: "normative_documents");

            migrationBuilder.DropIndex(
                name: "IX_applications_AgencyId_Type_Received_ApplicantType_Served_De~",
                table: "applications");
        }
    }
}
