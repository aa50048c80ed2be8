using CoordinationHub.Server.Persistence.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgencyVersionGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "expected_version",
                schema: "trust",
                table: "agencies",
                type: "xid",
                nullable: true);

            migrationBuilder.Sql(AgencyVersionGuardSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AgencyVersionGuardSql.Down);

            migrationBuilder.DropColumn(
                name: "expected_version",
                schema: "trust",
                table: "agencies");
        }
    }
}
