using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublishingCheckSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "publishing_check_settings",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ExpressionsCsv = table.Column<string>(type: "text", nullable: true),
                    SensitiveWords = table.Column<string>(type: "text", nullable: false),
                    ExpressionsBlock = table.Column<bool>(type: "boolean", nullable: false),
                    SensitiveWordsBlock = table.Column<bool>(type: "boolean", nullable: false),
                    PersonalDataBlocks = table.Column<bool>(type: "boolean", nullable: false),
                    BrokenLinksBlock = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publishing_check_settings", x => x.AgencyId);
                    table.ForeignKey(
                        name: "FK_publishing_check_settings_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "publishing_check_settings");
        }
    }
}
