using System.Collections.Generic;
using CoordinationHub.Server.Persistence.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NameKeySearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_name_keys",
                schema: "cases",
                table: "cases");

            migrationBuilder.AddColumn<List<string>>(
                name: "name_terms",
                schema: "cases",
                table: "cases",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            // Existing cases get their terms from their keys (the default is dropped again).
            migrationBuilder.Sql(NameKeySearchIndexSql.FillNameTerms);

            migrationBuilder.CreateIndex(
                name: "IX_cases_name_terms",
                schema: "cases",
                table: "cases",
                column: "name_terms")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_name_terms",
                schema: "cases",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "name_terms",
                schema: "cases",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_name_keys",
                schema: "cases",
                table: "cases",
                column: "name_keys")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
