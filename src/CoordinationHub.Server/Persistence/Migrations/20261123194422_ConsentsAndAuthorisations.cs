using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    /// <inheritdoc />
    // dotnet tool run dotnet-ef migrations add ConsentsAndAuthorisations --project src/CoordinationHub.Server --output-dir Persistence/Migrations
    // No raw SQL: one table (cases.disclosure_grants) with its indexes, all from the model.
    public partial class ConsentsAndAuthorisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disclosure_grants",
                schema: "cases",
                columns: table => new
                {
                    grant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    origin = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    giver_relation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issuing_body = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    purposes = table.Column<List<string>>(type: "text[]", nullable: false),
                    data_categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    recipient_agency_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    recipient_kinds = table.Column<List<string>>(type: "text[]", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_grants", x => x.grant_id);
                    table.ForeignKey(
                        name: "FK_disclosure_grants_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "cases",
                        principalTable: "cases",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_grants_case_id_kind_created_at",
                schema: "cases",
                table: "disclosure_grants",
                columns: new[] { "case_id", "kind", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_grants_recorded_by_agency_id_request_id",
                schema: "cases",
                table: "disclosure_grants",
                columns: new[] { "recorded_by_agency_id", "request_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosure_grants",
                schema: "cases");
        }
    }
}
