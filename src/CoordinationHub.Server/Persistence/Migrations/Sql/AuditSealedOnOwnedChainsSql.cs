namespace CoordinationHub.Server.Persistence.Migrations.Sql;

/// <summary>
/// The raw SQL of migration <c>AuditSealedOnOwnedChains</c> (docs/adr/0021): the seal trigger
/// fires only for rows the database must seal or refuse. Rows on the hub-sealed chains 16-79 that
/// arrive with a position (seq above 0) are stored as sent, guarded by the unique (chain, seq)
/// index and checked by every verifier; PostgreSQL no longer runs a function for them. Every other
/// row fires audit.seal_entry as before: seq 0 on a lane 0-15 is sealed there; a made-up position
/// on a lane 0-15 is resealed; seq 0 on chains 16 and above, or any chain outside 0-79, is refused
/// by the function's range check ("is not one of the 16 lanes").
/// </summary>
internal static class AuditSealedOnOwnedChainsSql
{
    public const string Up = """
        DROP TRIGGER entries_seal ON audit.entries;
        CREATE TRIGGER entries_seal BEFORE INSERT ON audit.entries
          FOR EACH ROW WHEN (NEW.seq <= 0 OR NEW.chain < 16 OR NEW.chain >= 80)
          EXECUTE FUNCTION audit.seal_entry();
        """;

    public const string Down = """
        DROP TRIGGER entries_seal ON audit.entries;
        CREATE TRIGGER entries_seal BEFORE INSERT ON audit.entries
          FOR EACH ROW EXECUTE FUNCTION audit.seal_entry();
        """;
}
