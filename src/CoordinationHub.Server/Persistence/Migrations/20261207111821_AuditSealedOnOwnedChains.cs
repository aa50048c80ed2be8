using CoordinationHub.Server.Persistence.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    /// <summary>
    /// The seal trigger fires only for rows the database seals or refuses: entries a replica sealed
    /// on a chain it owns (16-79, with a position) are stored as sent (docs/adr/0021).
    /// Seq, prev_hash and hash stop being database-generated in the model: EF Core sends them as the
    /// record holds them and reads nothing back (no change to the table).
    /// </summary>
    public partial class AuditSealedOnOwnedChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditSealedOnOwnedChainsSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditSealedOnOwnedChainsSql.Down);
        }
    }
}
