using CoordinationHub.Server.Persistence.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    // No model change: the designer file is the model snapshot as it stood; the SQL lives in
    // Sql/AuditSealCheaperSql.cs, so the lead can regenerate this migration around it.

    /// <inheritdoc />
    public partial class AuditSealCheaper : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditSealCheaperSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditSealCheaperSql.Down);
        }
    }
}
