using CoordinationHub.Server.Audit;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// Concurrent saves of one process are spread over free lanes instead of queueing on one lane's
/// lock. Leases are process-wide and other tests save alongside, so these assertions hold as long
/// as fewer than 15 other saves are in flight at once, far more than the suite ever runs.
/// </summary>
public sealed class AuditLaneLeaseTests
{
    [Fact]
    public void Take_PreferredLaneHeldByAnotherSave_GivesAnotherLane()
    {
        using var first = AuditLaneLease.Take(7);
        using var second = AuditLaneLease.Take(first.Lane);

        Assert.NotEqual(first.Lane, second.Lane);
        Assert.InRange(second.Lane, 0, AuditChain.Lanes - 1);
    }

    [Fact]
    public void Take_SixteenSavesAtOnce_MostGetALaneOfTheirOwn()
    {
        var leases = Enumerable.Range(0, AuditChain.Lanes).Select(_ => AuditLaneLease.Take(3)).ToList();
        try
        {
            // Without leases all sixteen would share lane 3; a few may share when other tests hold lanes.
            Assert.True(leases.Select(l => l.Lane).Distinct().Count() >= AuditChain.Lanes - 4, string.Join(' ', leases.Select(l => l.Lane)));
        }
        finally
        {
            leases.ForEach(l => l.Dispose());
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Take_NotALane_Throws(int preferred) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditLaneLease.Take(preferred));
}
