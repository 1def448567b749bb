using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Postgres.Migrations
{
    /// <summary>
    /// Documents indexed before this version get the lexemes of their id blocks (4,096, 65,536 and 1,048,576 ids),
    /// which the search now asks for window by window (ADR 0014). SQLite's index is unchanged.
    /// </summary>
    public partial class SearchIdBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE search_documents SET tsv = tsv || array_to_tsvector(ARRAY[
                    '#12:' || ("Id" >> 12), '#16:' || ("Id" >> 16), '#20:' || ("Id" >> 20)]);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE search_documents SET tsv = ts_delete(tsv, ARRAY[
                    '#12:' || ("Id" >> 12), '#16:' || ("Id" >> 16), '#20:' || ("Id" >> 20)]);
                """);
        }
    }
}
