using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Fees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FeeMethod",
                table: "applications",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeeNthInMonth",
                table: "applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeePages",
                table: "applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FeePaid",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeeYuan",
                table: "applications",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FeeMethod",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "FeeNthInMonth",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "FeePages",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "FeePaid",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "FeeYuan",
                table: "applications");
        }
    }
}
