using System;
using Microsoft.EntityFrameworkCore.Migrations;
using CoordinationHub.Server.Persistence.Migrations.Sql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoordinationHub.Server.Persistence.Migrations
{
    // dotnet tool run dotnet-ef migrations add IdentificationsAndNotifications --project src/CoordinationHub.Server --output-dir Persistence/Migrations
    // then edited by hand: the outbox's transaction column, the commit trigger that numbers each
    // agency's notifications in commit order and NOTIFYs the replicas (Sql/IdentificationsAndNotificationsSql.cs,
    // docs/adr/0010-notifications-outbox.md).
    /// <inheritdoc />
    public partial class IdentificationsAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "notifications");

            migrationBuilder.CreateTable(
                name: "heads",
                schema: "notifications",
                columns: table => new
                {
                    agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_heads", x => x.agency_id);
                });

            migrationBuilder.CreateTable(
                name: "identifications",
                schema: "cases",
                columns: table => new
                {
                    identification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reporting_agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    site = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sample_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    likelihood_ratio = table.Column<double>(type: "double precision", nullable: false),
                    posterior_probability = table.Column<double>(type: "double precision", nullable: false),
                    points_compared = table.Column<int>(type: "integer", nullable: false),
                    matched_person = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reviewing_agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    review_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    family_informed_by_agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    family_informed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identifications", x => x.identification_id);
                    table.ForeignKey(
                        name: "FK_identifications_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "cases",
                        principalTable: "cases",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: true),
                    case_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "progress",
                schema: "notifications",
                columns: table => new
                {
                    agency_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    acked_sequence = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress", x => x.agency_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identifications_case_id_created_at",
                schema: "cases",
                table: "identifications",
                columns: new[] { "case_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_identifications_reporting_agency_id_request_id",
                schema: "cases",
                table: "identifications",
                columns: new[] { "reporting_agency_id", "request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_notification_id",
                schema: "notifications",
                table: "outbox",
                column: "notification_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_recipient_agency_id_sequence",
                schema: "notifications",
                table: "outbox",
                columns: new[] { "recipient_agency_id", "sequence" },
                unique: true);

            migrationBuilder.Sql(IdentificationsAndNotificationsSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(IdentificationsAndNotificationsSql.Down);

            migrationBuilder.DropTable(
                name: "heads",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "identifications",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "progress",
                schema: "notifications");
        }
    }
}
