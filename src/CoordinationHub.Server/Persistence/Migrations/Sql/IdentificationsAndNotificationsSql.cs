namespace CoordinationHub.Server.Persistence.Migrations.Sql;

/// <summary>
/// The raw SQL of migration <c>IdentificationsAndNotifications</c>, kept apart so the migration can
/// be regenerated around it. It makes each agency's notification sequence follow commit order
/// (docs/adr/0010-notifications-outbox.md): rows are inserted unnumbered, tagged with the writing
/// transaction; a deferred constraint trigger numbers them at commit, under the row locks of the
/// recipients' heads taken in agency order, and wakes every replica with NOTIFY.
/// </summary>
internal static class IdentificationsAndNotificationsSql
{
    /// <summary>The LISTEN/NOTIFY channel; the payload is the recipient agency's id.</summary>
    public const string Channel = "coordination_notifications";

    public const string Up = """
        ALTER TABLE notifications.outbox ADD COLUMN xact xid8 NOT NULL DEFAULT pg_current_xact_id();
        CREATE INDEX ix_outbox_unsequenced ON notifications.outbox (xact) WHERE sequence IS NULL;

        CREATE FUNCTION notifications.assign_sequences() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- The first row's trigger numbers every row of the transaction; the others find theirs done.
            IF NOT EXISTS (SELECT 1 FROM notifications.outbox WHERE id = NEW.id AND sequence IS NULL) THEN
                RETURN NULL;
            END IF;

            -- Heads are created and then locked in agency order, so two transactions writing to the
            -- same agencies queue up instead of deadlocking. A head's row lock is held until commit:
            -- the next transaction reads the head only after this one is visible.
            INSERT INTO notifications.heads (agency_id, last_sequence)
                SELECT DISTINCT recipient_agency_id, 0 FROM notifications.outbox
                WHERE xact = pg_current_xact_id() AND sequence IS NULL
                ORDER BY 1
                ON CONFLICT (agency_id) DO NOTHING;
            PERFORM 1 FROM notifications.heads
                WHERE agency_id IN (SELECT recipient_agency_id FROM notifications.outbox WHERE xact = pg_current_xact_id() AND sequence IS NULL)
                ORDER BY agency_id
                FOR UPDATE;
            PERFORM pg_notify('coordination_notifications', r.recipient_agency_id)
                FROM (SELECT DISTINCT recipient_agency_id FROM notifications.outbox WHERE xact = pg_current_xact_id() AND sequence IS NULL) r;

            WITH mine AS (
                SELECT id, recipient_agency_id, row_number() OVER (PARTITION BY recipient_agency_id ORDER BY id) AS n
                FROM notifications.outbox
                WHERE xact = pg_current_xact_id() AND sequence IS NULL),
            counts AS (
                SELECT recipient_agency_id, count(*) AS c FROM mine GROUP BY recipient_agency_id),
            bumped AS (
                UPDATE notifications.heads h SET last_sequence = h.last_sequence + counts.c
                FROM counts WHERE h.agency_id = counts.recipient_agency_id
                RETURNING h.agency_id, h.last_sequence - counts.c AS base)
            UPDATE notifications.outbox o SET sequence = bumped.base + mine.n
                FROM mine JOIN bumped ON bumped.agency_id = mine.recipient_agency_id
                WHERE o.id = mine.id;
            RETURN NULL;
        END;
        $$;

        CREATE CONSTRAINT TRIGGER outbox_sequence_at_commit AFTER INSERT ON notifications.outbox
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION notifications.assign_sequences();
        """;

    public const string Down = """
        DROP TRIGGER outbox_sequence_at_commit ON notifications.outbox;
        DROP FUNCTION notifications.assign_sequences();
        DROP INDEX notifications.ix_outbox_unsequenced;
        ALTER TABLE notifications.outbox DROP COLUMN xact;
        """;
}
