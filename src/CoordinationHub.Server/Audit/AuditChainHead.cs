namespace CoordinationHub.Server.Audit;

/// <summary>The last committed entry of a chain: seq 0 and the genesis hash for an empty chain.</summary>
public sealed record AuditChainHead(long Seq, byte[] Hash);
