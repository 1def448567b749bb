using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ApplicantAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsApplicant",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantUserId",
                table: "applications",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_ApplicantUserId",
                table: "applications",
                column: "ApplicantUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_applications_AspNetUsers_ApplicantUserId",
                table: "applications",
                column: "ApplicantUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_applications_AspNetUsers_ApplicantUserId",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "IX_applications_ApplicantUserId",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "IsApplicant",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ApplicantUserId",
                table: "applications");
        }
    }
}
