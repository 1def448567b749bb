using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeeNthInMonth",
                table: "applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeePages",
                table: "applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FeePaid",
                table: "applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeeYuan",
                table: "applications",
                type: "bigint",
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
