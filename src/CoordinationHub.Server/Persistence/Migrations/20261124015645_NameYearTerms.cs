using System.Collections.Generic;
using CoordinationHub.Server.Persistence.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NameYearTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "name_year_terms",
                schema: "cases",
                table: "cases",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.Sql(NameYearTermsSql.FillNameYearTerms);
            migrationBuilder.Sql(NameYearTermsSql.DropDefault);

            migrationBuilder.CreateIndex(
                name: "IX_cases_name_year_terms",
                schema: "cases",
                table: "cases",
                column: "name_year_terms")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_name_year_terms",
                schema: "cases",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "name_year_terms",
                schema: "cases",
                table: "cases");
        }
    }
}
