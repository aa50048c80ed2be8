using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    // The auditors' query indexes keyed by id instead of time (AuditEntityTypeConfiguration). Built
    // CONCURRENTLY, outside the migration's transaction: on a large log a plain CREATE INDEX would
    // hold every audited call, that is every call, for as long as the build takes. A build that
    // was interrupted leaves an INVALID index of the same name, which is dropped before building
    // again; the old indexes go only once the new ones serve the query.

    /// <inheritdoc />
    public partial class AuditQueryIndexesById : Migration
    {
        private static readonly (string New, string Columns, string Old, string OldColumns)[] Indexes =
        [
            ("IX_entries_agency_id_id", "agency_id, id", "IX_entries_agency_id_occurred_at", "agency_id, occurred_at"),
            ("IX_entries_case_id_id", "case_id, id", "IX_entries_case_id_occurred_at", "case_id, occurred_at"),
            ("IX_entries_officer_id", "officer, id", "IX_entries_officer_occurred_at", "officer, occurred_at"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Indexes)
            {
                Replace(migrationBuilder, index.Old, index.New, index.Columns);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Indexes)
            {
                Replace(migrationBuilder, index.New, index.Old, index.OldColumns);
            }
        }

        private static void Replace(MigrationBuilder migrationBuilder, string old, string name, string columns)
        {
            migrationBuilder.Sql($"DROP INDEX CONCURRENTLY IF EXISTS audit.\"{name}\";", suppressTransaction: true);
            migrationBuilder.Sql($"CREATE INDEX CONCURRENTLY \"{name}\" ON audit.entries ({columns});", suppressTransaction: true);
            migrationBuilder.Sql($"DROP INDEX CONCURRENTLY IF EXISTS audit.\"{old}\";", suppressTransaction: true);
        }
    }
}
