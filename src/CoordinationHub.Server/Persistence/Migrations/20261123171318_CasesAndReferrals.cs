using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CasesAndReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "cases");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateSequence(
                name: "case_numbers",
                schema: "cases");

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "cases",
                columns: table => new
                {
                    case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    merged_into_case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    identity = table.Column<string>(type: "jsonb", nullable: true),
                    circumstances = table.Column<string>(type: "jsonb", nullable: true),
                    contacts = table.Column<string>(type: "jsonb", nullable: true),
                    antemortem = table.Column<string>(type: "jsonb", nullable: true),
                    genetic = table.Column<string>(type: "jsonb", nullable: true),
                    location = table.Column<string>(type: "jsonb", nullable: true),
                    investigation = table.Column<string>(type: "jsonb", nullable: true),
                    name_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    name_search = table.Column<string>(type: "text", nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_flags",
                schema: "cases",
                columns: table => new
                {
                    flag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    other_case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    resolved_by_agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    resolution_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_flags", x => x.flag_id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                schema: "cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                schema: "cases",
                columns: table => new
                {
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    to_agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    data_categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.referral_id);
                    table.ForeignKey(
                        name: "FK_referrals_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "cases",
                        principalTable: "cases",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                schema: "cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    local_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_case = table.Column<bool>(type: "boolean", nullable: false),
                    original_case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.id);
                    table.ForeignKey(
                        name: "FK_reports_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "cases",
                        principalTable: "cases",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_created_at",
                schema: "cases",
                table: "cases",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_cases_name_keys",
                schema: "cases",
                table: "cases",
                column: "name_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_cases_name_search",
                schema: "cases",
                table: "cases",
                column: "name_search")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_flags_case_id_other_case_id",
                schema: "cases",
                table: "duplicate_flags",
                columns: new[] { "case_id", "other_case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_flags_other_case_id",
                schema: "cases",
                table: "duplicate_flags",
                column: "other_case_id");

            migrationBuilder.CreateIndex(
                name: "IX_events_case_id_id",
                schema: "cases",
                table: "events",
                columns: new[] { "case_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_case_id_to_agency_id_state",
                schema: "cases",
                table: "referrals",
                columns: new[] { "case_id", "to_agency_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_due_at",
                schema: "cases",
                table: "referrals",
                column: "due_at",
                filter: "state IN ('Pending', 'Accepted')");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_from_agency_id_created_at",
                schema: "cases",
                table: "referrals",
                columns: new[] { "from_agency_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_from_agency_id_request_id",
                schema: "cases",
                table: "referrals",
                columns: new[] { "from_agency_id", "request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_to_agency_id_created_at",
                schema: "cases",
                table: "referrals",
                columns: new[] { "to_agency_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_agency_id_case_id",
                schema: "cases",
                table: "reports",
                columns: new[] { "agency_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_agency_id_request_id",
                schema: "cases",
                table: "reports",
                columns: new[] { "agency_id", "request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_case_id",
                schema: "cases",
                table: "reports",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "duplicate_flags",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "events",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "referrals",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "reports",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "cases");

            migrationBuilder.DropSequence(
                name: "case_numbers",
                schema: "cases");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
