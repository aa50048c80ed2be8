namespace CoordinationHub.Server.Persistence.Migrations.Sql;

/// <summary>
/// The raw SQL of migration <c>AuditSealCheaper</c>: the same seal, about a fifth of the cost
/// (docs/adr/0014-insert-only-saves-and-a-cheaper-seal.md, docs/benchmarks.md). The trigger of
/// <c>AuditSealInDatabase</c> spent most of an audited INSERT's time in
/// <c>sha256(audit.entry_encoding(NEW))</c>: the encoding functions are SQL functions that
/// PostgreSQL does not inline into a PL/pgSQL expression, so every entry paid for calling them,
/// and <c>audit.encode_list</c> (a subquery) was parsed and planned again in every transaction.
/// Here the trigger spells the same bytes out with built-ins only: str = uint32 byte length +
/// UTF-8 bytes, list = uint32 count + strs in array order (NULL items skipped, as
/// <c>string_agg</c> skipped them), fields in the order of <c>AuditEntryEncoding</c> v1. Lock, head
/// read and the columns it writes are unchanged, and <c>audit.entry_encoding</c> stays as the
/// readable reference: a test checks that it and this trigger produce the same hash, and another
/// that both equal the C# encoding.
/// </summary>
internal static class AuditSealCheaperSql
{
    public const string Up = """
        CREATE OR REPLACE FUNCTION audit.seal_entry() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          head_seq bigint;
          head_hash bytea;
          encoded bytea;
          item text;
        BEGIN
          IF NEW.chain < 0 OR NEW.chain > 15 THEN
            RAISE EXCEPTION 'audit chain % is not one of the 16 lanes', NEW.chain USING ERRCODE = 'check_violation';
          END IF;
          PERFORM pg_advisory_xact_lock(1096107092, NEW.chain);
          SELECT seq, hash INTO head_seq, head_hash FROM audit.entries WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
          NEW.seq := coalesce(head_seq, 0) + 1;
          NEW.prev_hash := coalesce(head_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
          encoded := int4send(30) || convert_to('coordinationhub.audit.entry.v1', 'UTF8')
            || int4send(NEW.chain) || int8send(NEW.seq)
            || int8send((extract(epoch FROM NEW.occurred_at) * 1000000)::bigint)
            || int4send(octet_length(convert_to(NEW.agency_id, 'UTF8'))) || convert_to(NEW.agency_id, 'UTF8')
            || int4send(octet_length(convert_to(NEW.certificate_thumbprint, 'UTF8'))) || convert_to(NEW.certificate_thumbprint, 'UTF8')
            || int4send(octet_length(convert_to(NEW.officer, 'UTF8'))) || convert_to(NEW.officer, 'UTF8')
            || int4send(octet_length(convert_to(NEW.method, 'UTF8'))) || convert_to(NEW.method, 'UTF8')
            || int4send(octet_length(convert_to(NEW.target, 'UTF8'))) || convert_to(NEW.target, 'UTF8')
            || int4send(octet_length(convert_to(NEW.case_id, 'UTF8'))) || convert_to(NEW.case_id, 'UTF8')
            || int4send(octet_length(convert_to(NEW.purpose, 'UTF8'))) || convert_to(NEW.purpose, 'UTF8')
            || int4send(octet_length(convert_to(NEW.decision, 'UTF8'))) || convert_to(NEW.decision, 'UTF8')
            || int4send(octet_length(convert_to(NEW.basis, 'UTF8'))) || convert_to(NEW.basis, 'UTF8')
            || int4send(octet_length(convert_to(NEW.reason, 'UTF8'))) || convert_to(NEW.reason, 'UTF8')
            || int4send(cardinality(NEW.categories_disclosed));
          FOREACH item IN ARRAY NEW.categories_disclosed LOOP
            CONTINUE WHEN item IS NULL;
            encoded := encoded || int4send(octet_length(convert_to(item, 'UTF8'))) || convert_to(item, 'UTF8');
          END LOOP;
          encoded := encoded || int4send(cardinality(NEW.categories_withheld));
          FOREACH item IN ARRAY NEW.categories_withheld LOOP
            CONTINUE WHEN item IS NULL;
            encoded := encoded || int4send(octet_length(convert_to(item, 'UTF8'))) || convert_to(item, 'UTF8');
          END LOOP;
          NEW.hash := sha256(encoded
            || int4send(octet_length(convert_to(NEW.request_id, 'UTF8'))) || convert_to(NEW.request_id, 'UTF8')
            || int4send(octet_length(convert_to(NEW.call_id, 'UTF8'))) || convert_to(NEW.call_id, 'UTF8')
            || NEW.prev_hash);
          RETURN NEW;
        END $$;
        """;

    public const string Down = AuditSealInDatabaseSql.SealEntryFunction;
}
