namespace CoordinationHub.Server.Persistence.Migrations.Sql;

/// <summary>
/// The raw SQL of migration <c>AgencyVersionGuard</c> (docs/adr/0018-agency-updates-guarded-by-the-database.md):
/// an UPDATE of <c>trust.agencies</c> that names the version it was read at is refused with
/// serialization_failure unless the row still has it. The column only carries the expectation
/// into the trigger: it is always stored NULL, so an UPDATE that does not name a version (an
/// operator's hand-made one) is not guarded, and one that does can never pass on a stale value
/// left by an earlier update.
/// </summary>
internal static class AgencyVersionGuardSql
{
    public const string Up = """
        CREATE FUNCTION trust.agency_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.expected_version IS NOT NULL THEN
            IF NOT (NEW.expected_version = OLD.xmin) THEN
              RAISE EXCEPTION 'agency % changed since version % was read', OLD.agency_id, NEW.expected_version
                USING ERRCODE = 'serialization_failure';
            END IF;
            NEW.expected_version := NULL;
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER agencies_version_guard BEFORE UPDATE ON trust.agencies
          FOR EACH ROW EXECUTE FUNCTION trust.agency_version_guard();
        """;

    public const string Down = """
        DROP TRIGGER agencies_version_guard ON trust.agencies;
        DROP FUNCTION trust.agency_version_guard();
        """;
}
