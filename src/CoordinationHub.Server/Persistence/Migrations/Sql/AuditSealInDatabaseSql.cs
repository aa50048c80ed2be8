namespace CoordinationHub.Server.Persistence.Migrations.Sql;

/// <summary>
/// The raw SQL of migration <c>AuditSealInDatabase</c>: PostgreSQL seals every audit entry as it is
/// inserted (docs/adr/0011-audit-sealed-by-the-database.md). Kept apart from the generated migration
/// so that the migration can be regenerated around it.
/// </summary>
internal static class AuditSealInDatabaseSql
{
    /// <summary>
    /// The canonical encoding of <c>CoordinationHub.Audit.AuditEntryEncoding</c> (version 1) in SQL,
    /// and a BEFORE INSERT trigger that gives each new row its seq, prev_hash and hash. The trigger
    /// takes <c>pg_advisory_xact_lock('AUDT', chain)</c> (1096107092 = 0x41554454, the lock the C#
    /// sealer took before) and then reads the head in a separate statement: a PL/pgSQL function is volatile, so under READ
    /// COMMITTED that statement takes a fresh snapshot after the lock is granted and sees the commit
    /// of the previous holder. Rows inserted earlier by the same statement are visible to it too, so
    /// a multi-row insert chains in order. Values the client sends for seq, prev_hash and hash are
    /// overwritten: the database is the only sealer. The append-only triggers stay as they were, and
    /// <c>session_replication_role = replica</c> still switches all of them off (the tamper tests
    /// rely on that to play an insider with superuser rights).
    /// </summary>
    public const string Up = """
        CREATE FUNCTION audit.encode_str(value text) RETURNS bytea
          LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
          RETURN int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8');

        CREATE FUNCTION audit.encode_list(items text[]) RETURNS bytea
          LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
          RETURN int4send(cardinality(items))
            || coalesce((SELECT string_agg(audit.encode_str(item), ''::bytea ORDER BY position)
                         FROM unnest(items) WITH ORDINALITY AS u(item, position)), ''::bytea);

        CREATE FUNCTION audit.entry_encoding(e audit.entries) RETURNS bytea
          LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
          RETURN audit.encode_str('coordinationhub.audit.entry.v1')
            || int4send(e.chain) || int8send(e.seq)
            || int8send((extract(epoch FROM e.occurred_at) * 1000000)::bigint)
            || audit.encode_str(e.agency_id) || audit.encode_str(e.certificate_thumbprint) || audit.encode_str(e.officer)
            || audit.encode_str(e.method) || audit.encode_str(e.target) || audit.encode_str(e.case_id)
            || audit.encode_str(e.purpose) || audit.encode_str(e.decision) || audit.encode_str(e.basis)
            || audit.encode_str(e.reason)
            || audit.encode_list(e.categories_disclosed) || audit.encode_list(e.categories_withheld)
            || audit.encode_str(e.request_id) || audit.encode_str(e.call_id)
            || e.prev_hash;

        """ + SealEntryFunction + """

        CREATE TRIGGER entries_seal BEFORE INSERT ON audit.entries
          FOR EACH ROW EXECUTE FUNCTION audit.seal_entry();
        """;

    /// <summary>
    /// The trigger function as this migration created it; migration <c>AuditSealCheaper</c>
    /// replaces it and restores it on the way down.
    /// </summary>
    public const string SealEntryFunction = """
        CREATE OR REPLACE FUNCTION audit.seal_entry() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          head_seq bigint;
          head_hash bytea;
        BEGIN
          IF NEW.chain < 0 OR NEW.chain > 15 THEN
            RAISE EXCEPTION 'audit chain % is not one of the 16 lanes', NEW.chain USING ERRCODE = 'check_violation';
          END IF;
          PERFORM pg_advisory_xact_lock(1096107092, NEW.chain);
          SELECT seq, hash INTO head_seq, head_hash FROM audit.entries WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
          NEW.seq := coalesce(head_seq, 0) + 1;
          NEW.prev_hash := coalesce(head_hash, decode(repeat('00', 32), 'hex'));
          NEW.hash := sha256(audit.entry_encoding(NEW));
          RETURN NEW;
        END $$;
        """;

    public const string Down = """
        DROP TRIGGER entries_seal ON audit.entries;
        DROP FUNCTION audit.seal_entry();
        DROP FUNCTION audit.entry_encoding(audit.entries);
        DROP FUNCTION audit.encode_list(text[]);
        DROP FUNCTION audit.encode_str(text);
        """;
}
