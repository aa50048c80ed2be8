namespace CoordinationHub.Server.Audit;

/// <summary>
/// Where one save's audit entries went (<see cref="AuditChain.Place"/>), held until the save is
/// over. The save reports <see cref="Committed"/> only when it knows its transaction committed
/// with the entries; disposing without that report means the outcome is failed or unknown.
/// </summary>
public interface IAuditPlacement : IDisposable
{
    /// <summary>The save's transaction committed with these entries.</summary>
    void Committed();
}
