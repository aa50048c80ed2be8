using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    // dotnet tool run dotnet-ef migrations add TamperEvidentAudit --project src/CoordinationHub.Server --output-dir Persistence/Migrations
    // then edited by hand: rows written before the chain existed are sealed into chain 0 (SealLegacyEntries),
    // and the table refuses UPDATE, DELETE and TRUNCATE (docs/adr/0006-tamper-evident-audit-log.md).

    /// <inheritdoc />
    public partial class TamperEvidentAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "basis",
                schema: "audit",
                table: "entries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "case_id",
                schema: "audit",
                table: "entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<string>>(
                name: "categories_disclosed",
                schema: "audit",
                table: "entries",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<List<string>>(
                name: "categories_withheld",
                schema: "audit",
                table: "entries",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<int>(
                name: "chain",
                schema: "audit",
                table: "entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<byte[]>(
                name: "hash",
                schema: "audit",
                table: "entries",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<byte[]>(
                name: "prev_hash",
                schema: "audit",
                table: "entries",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "purpose",
                schema: "audit",
                table: "entries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "seq",
                schema: "audit",
                table: "entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql(SealLegacyEntries);

            migrationBuilder.CreateTable(
                name: "checkpoints",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    chain = table.Column<int>(type: "integer", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    entry_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    signature = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoints", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entries_case_id_occurred_at",
                schema: "audit",
                table: "entries",
                columns: new[] { "case_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "IX_entries_chain_seq",
                schema: "audit",
                table: "entries",
                columns: new[] { "chain", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_entries_officer_occurred_at",
                schema: "audit",
                table: "entries",
                columns: new[] { "officer", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "IX_checkpoints_chain_seq",
                schema: "audit",
                table: "checkpoints",
                columns: new[] { "chain", "seq" },
                unique: true);

            migrationBuilder.Sql(RefuseChanges);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER entries_append_only ON audit.entries; DROP TRIGGER checkpoints_append_only ON audit.checkpoints; DROP FUNCTION audit.refuse_change();");

            migrationBuilder.DropTable(
                name: "checkpoints",
                schema: "audit");

            migrationBuilder.DropIndex(
                name: "IX_entries_case_id_occurred_at",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "IX_entries_chain_seq",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "IX_entries_officer_occurred_at",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "basis",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "case_id",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "categories_disclosed",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "categories_withheld",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "chain",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "hash",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "prev_hash",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "purpose",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "seq",
                schema: "audit",
                table: "entries");
        }
    
        // The canonical encoding of CoordinationHub.Audit.AuditEntryEncoding, in SQL, for the rows
        // that predate the chain: in id order into chain 0 from seq 1 (new entries seal themselves).
        // Legacy rows have no case, purpose, basis or categories, so those encode as empty.
        private const string SealLegacyEntries = """
            CREATE FUNCTION pg_temp.chub_str(value text) RETURNS bytea LANGUAGE sql IMMUTABLE AS
              $$ SELECT int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') $$;
            DO $$
            DECLARE
              r record;
              n bigint := 0;
              prev bytea := decode(repeat('00', 32), 'hex');
              h bytea;
            BEGIN
              FOR r IN SELECT * FROM audit.entries ORDER BY id LOOP
                n := n + 1;
                h := sha256(
                  pg_temp.chub_str('coordinationhub.audit.entry.v1') || int4send(0) || int8send(n)
                  || int8send((extract(epoch FROM r.occurred_at) * 1000000)::bigint)
                  || pg_temp.chub_str(r.agency_id) || pg_temp.chub_str(r.certificate_thumbprint) || pg_temp.chub_str(r.officer)
                  || pg_temp.chub_str(r.method) || pg_temp.chub_str(r.target) || pg_temp.chub_str('') || pg_temp.chub_str('')
                  || pg_temp.chub_str(r.decision) || pg_temp.chub_str('') || pg_temp.chub_str(r.reason)
                  || int4send(0) || int4send(0)
                  || pg_temp.chub_str(r.request_id) || pg_temp.chub_str(r.call_id)
                  || prev);
                UPDATE audit.entries SET chain = 0, seq = n, prev_hash = prev, hash = h WHERE id = r.id;
                prev := h;
              END LOOP;
            END $$;
            """;

        // Defence in depth, not the evidence: the hub's role cannot edit the log by mistake or by
        // a SQL injection. A superuser can still bypass it; the hash chain is what detects that.
        private const string RefuseChanges = """
            CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit.% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.entries
              FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
            CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.checkpoints
              FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
            """;
    }
}
