using System.Diagnostics.CodeAnalysis;
using CoordinationHub.Audit;
using CoordinationHub.Server.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// Takes one of the <see cref="AuditChain.SealerSlots"/> sealer slots for this replica and keeps
/// it: a session-level <c>pg_try_advisory_lock(AUDT, -1000 - slot)</c> on a connection of its own,
/// unpooled, so the lock lives exactly as long as that session. While the slot is held the replica
/// seals its saves on the slot's chains (<see cref="Current"/>); every poll it checks the session is
/// alive and reads from the database the heads of chains it does not know. When the session is
/// lost the slot is retired at once (saves go back to the database-sealed lanes) and taken again,
/// perhaps another one, at a later poll. A replica that finds every slot taken simply keeps using
/// the database-sealed lanes. docs/adr/0021-hub-seals-on-owned-lanes.md.
/// </summary>
public sealed class AuditChainOwnership(IOptions<HubDatabaseOptions> database, IOptions<HubAuditOptions> options, ILogger<AuditChainOwnership> logger)
    : BackgroundService
{
    private const string HeadsSql = """
        SELECT l.chain, h.seq, h.hash
        FROM unnest($1::int[]) AS l(chain)
        LEFT JOIN LATERAL (SELECT seq, hash FROM audit.entries e WHERE e.chain = l.chain ORDER BY seq DESC LIMIT 1) h ON true
        """;

    private NpgsqlConnection? _session;
    private volatile OwnedAuditChains? _current;
    private bool _toldAllTaken;

    /// <summary>The chains this replica seals now; null while it owns no slot.</summary>
    public OwnedAuditChains? Current => _current;

    /// <summary>The lock key of a sealer slot, for operators looking at pg_locks (objid = 2^32 - 1000 - slot).</summary>
    public static int SlotLockKey(int slot) => -1000 - slot;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await LoseAsync().ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SealOnOwnedChains)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SealerPollInterval);
        do
        {
            try
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever failed, the session may be gone with the lock: stop sealing here first.
                var slot = _current?.Slot;
                await LoseAsync().ConfigureAwait(false);
                if (slot is { } lost)
                {
                    AuditLog.SealerSlotLost(logger, lost, e);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (_current is null && !await TryClaimAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // Reading the heads doubles as the check that the session, and so the lock, is alive.
        var owned = _current!;
        await using var command = new NpgsqlCommand(HeadsSql, _session);
        command.Parameters.Add(new NpgsqlParameter { Value = owned.UnknownChains().ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var head = await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false)
                ? new AuditChainHead(0, AuditEntryEncoding.GenesisHash.ToArray())
                : new AuditChainHead(reader.GetInt64(1), await reader.GetFieldValueAsync<byte[]>(2, cancellationToken).ConfigureAwait(false));
            owned.Learn(reader.GetInt32(0), head);
        }
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The session is kept while it holds the slot's lock and disposed in LoseAsync; otherwise in finally.")]
    private async Task<bool> TryClaimAsync(CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, ApplicationName = "coordinationhub-audit-sealer" }.ConnectionString;
        NpgsqlConnection? session = new(connectionString);
        try
        {
            await session.OpenAsync(cancellationToken).ConfigureAwait(false);
            for (var slot = 0; slot < AuditChain.SealerSlots; slot++)
            {
                await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AuditChain.LockClass}, {SlotLockKey(slot)})", session);
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                {
                    (_session, session) = (session, null);
                    _current = new OwnedAuditChains(slot);
                    _toldAllTaken = false;
                    var first = AuditChain.FirstChainOf(slot);
                    AuditLog.SealerSlotTaken(logger, slot, first, first + AuditChain.ChainsPerSlot - 1);
                    return true;
                }
            }

            if (!_toldAllTaken)
            {
                _toldAllTaken = true;
                AuditLog.SealerSlotsAllTaken(logger, AuditChain.SealerSlots);
            }

            return false;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task LoseAsync()
    {
        _current?.Retire();
        _current = null;
        if (_session is { } session)
        {
            _session = null;

            // Closing an unpooled connection ends the session, which releases the slot's lock.
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
