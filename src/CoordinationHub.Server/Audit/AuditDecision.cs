namespace CoordinationHub.Server.Audit;

/// <summary>The outcome an audit entry records.</summary>
public enum AuditDecision
{
    Allowed,
    Denied,
}
