using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Audit;

/// <summary>Runs <see cref="AuditCheckpointer"/> on every replica at each poll; the database lock lets one sign per round.</summary>
internal sealed class AuditCheckpointService(
    IDbContextFactory<HubDbContext> contextFactory, AuditCheckpointKey key, IOptions<HubAuditOptions> options, TimeProvider time, ILogger<AuditCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync(stoppingToken).ConfigureAwait(false);
                var signed = await AuditCheckpointer.CheckpointDueAsync(db, key, options.Value, DatabaseClock.Now(time), stoppingToken).ConfigureAwait(false);
                if (signed.Count > 0)
                {
                    AuditLog.CheckpointsSigned(logger, signed.Count, key.KeyId);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The next round retries; an unsigned tail only grows until then.
                AuditLog.CheckpointFailed(logger, e);
            }
        }
    }
}
