using CoordinationHub.Audit;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence.Records;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// The heads a replica keeps for the chains it owns (docs/adr/0021): a head is used only when known,
/// by one save at a time, advances only on a reported commit, and is forgotten on anything else.
/// </summary>
public sealed class OwnedAuditChainsTests
{
    private static readonly byte[] Genesis = AuditEntryEncoding.GenesisHash.ToArray();

    [Fact]
    public void UnknownHeads_NothingIsSealedHere()
    {
        var owned = new OwnedAuditChains(slot: 1);

        Assert.Null(owned.TrySeal(0, [Record()]));
        Assert.Equal(Enumerable.Range(AuditChain.FirstChainOf(1), AuditChain.ChainsPerSlot), owned.UnknownChains());
    }

    [Fact]
    public void KnownHead_RecordsGetTheNextPositionsAndTheirHashes()
    {
        var owned = AllKnown(slot: 0, seq: 41);
        var first = Record();
        var second = Record();

        using var lease = owned.TrySeal(3, [first, second])!;

        Assert.Equal((AuditChain.FirstChainOf(0) + 3, 42L, 43L), (lease.Chain, first.Seq, second.Seq));
        Assert.Equal(HeadHash(41), first.PrevHash);
        Assert.Equal(first.Hash, second.PrevHash);
        Assert.Equal(AuditEntryEncoding.ComputeHash(AuditRecords.ToChained(first)), first.Hash);
        Assert.Equal(AuditEntryEncoding.ComputeHash(AuditRecords.ToChained(second)), second.Hash);
    }

    [Fact]
    public void Committed_TheHeadAdvances()
    {
        var owned = AllKnown(slot: 0, seq: 0);
        var first = Record();
        using (var lease = owned.TrySeal(5, [first])!)
        {
            lease.Committed();
        }

        var next = Record();
        using var again = owned.TrySeal(5, [next])!;
        Assert.Equal((first.Chain, 2L), (next.Chain, next.Seq));
        Assert.Equal(first.Hash, next.PrevHash);
    }

    [Fact]
    public void NotReportedCommitted_TheHeadIsForgottenUntilReadAgain()
    {
        var owned = AllKnown(slot: 0, seq: 7);
        var failed = Record();
        owned.TrySeal(5, [failed])!.Dispose();

        Assert.Equal([failed.Chain], owned.UnknownChains());
        var next = Record();
        using (var elsewhere = owned.TrySeal(5, [next])!)
        {
            Assert.NotEqual(failed.Chain, elsewhere.Chain);
        }

        owned.Learn(failed.Chain, new AuditChainHead(7, HeadHash(7)));
        using var resumed = owned.TrySeal(5, [next])!;
        Assert.Equal((failed.Chain, 8L), (next.Chain, next.Seq));
    }

    [Fact]
    public void EveryChainLeased_NoWaiting_TheSaveGoesElsewhere()
    {
        var owned = AllKnown(slot: 2, seq: 0);
        var leases = Enumerable.Range(0, AuditChain.ChainsPerSlot).Select(_ => owned.TrySeal(0, [Record()])!).ToList();

        Assert.Equal(AuditChain.ChainsPerSlot, leases.Select(l => l.Chain).Distinct().Count());
        Assert.Null(owned.TrySeal(0, [Record()]));
        leases[4].Committed();
        leases[4].Dispose();
        Assert.NotNull(owned.TrySeal(0, [Record()]));
    }

    [Fact]
    public void LearnWhileLeased_Ignored()
    {
        var owned = AllKnown(slot: 0, seq: 3);
        var record = Record();
        using var lease = owned.TrySeal(0, [record])!;

        owned.Learn(lease.Chain, new AuditChainHead(99, HeadHash(99)));
        lease.Committed();
        lease.Dispose();

        var next = Record();
        using var again = owned.TrySeal(0, [next])!;
        Assert.Equal((record.Chain, 5L), (next.Chain, next.Seq));
    }

    [Fact]
    public void Retired_NoMoreLeases_AndALeaseEndingLaterRestoresNothing()
    {
        var owned = AllKnown(slot: 0, seq: 0);
        var lease = owned.TrySeal(0, [Record()])!;

        owned.Retire();
        lease.Committed();
        lease.Dispose();

        Assert.False(owned.Owned);
        Assert.Null(owned.TrySeal(0, [Record()]));
        Assert.Empty(owned.UnknownChains());
    }

    [Fact]
    public void SealingThrows_TheChainIsNotLeftLeased()
    {
        var owned = AllKnown(slot: 0, seq: 0);
        var unencodable = Record();
        unencodable.Officer = "\ud800";

        Assert.Throws<System.Text.EncoderFallbackException>(() => owned.TrySeal(0, [unencodable]));
        Assert.Equal([AuditChain.FirstChainOf(0)], owned.UnknownChains());
    }

    private static OwnedAuditChains AllKnown(int slot, long seq)
    {
        var owned = new OwnedAuditChains(slot);
        foreach (var chain in owned.UnknownChains())
        {
            owned.Learn(chain, new AuditChainHead(seq, HeadHash(seq)));
        }

        return owned;
    }

    private static byte[] HeadHash(long seq) => seq == 0 ? Genesis : [.. Enumerable.Repeat((byte)seq, AuditEntryEncoding.HashLength)];

    private static AuditRecord Record() => AuditRecords.ToRecord(
        new AuditEntry { AgencyId = "hub-admin", Method = "/coordination.v1.AgenciesService/UpdateAgencyClaims", Decision = AuditDecision.Allowed, Reason = "claims updated", CallId = "call" },
        TimeProvider.System);
}
