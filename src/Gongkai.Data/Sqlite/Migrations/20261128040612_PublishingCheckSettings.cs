using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
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
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpressionsCsv = table.Column<string>(type: "TEXT", nullable: true),
                    SensitiveWords = table.Column<string>(type: "TEXT", nullable: false),
                    ExpressionsBlock = table.Column<bool>(type: "INTEGER", nullable: false),
                    SensitiveWordsBlock = table.Column<bool>(type: "INTEGER", nullable: false),
                    PersonalDataBlocks = table.Column<bool>(type: "INTEGER", nullable: false),
                    BrokenLinksBlock = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
