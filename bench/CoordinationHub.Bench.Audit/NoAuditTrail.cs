using CoordinationHub.Server.Audit;

namespace CoordinationHub.Bench.Audit;

/// <summary>The baseline: the seam is called as usual but stages and writes nothing. Only the benchmark registers it.</summary>
internal sealed class NoAuditTrail : IAuditTrail
{
    public void Append(AuditEntry entry)
    {
    }

    public Task AppendNowAsync(AuditEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;
}
