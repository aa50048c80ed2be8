namespace CoordinationHub.Domain.Trust;

/// <summary>
/// The life of an agency's trust: active and suspended agencies can be revoked, only active ones
/// suspended, only suspended ones reinstated, and revocation is final.
/// </summary>
public static class AgencyStatusTransitions
{
    public static bool CanSuspend(AgencyStatus current) => current == AgencyStatus.Active;

    public static bool CanReinstate(AgencyStatus current) => current == AgencyStatus.Suspended;

    public static bool CanRevoke(AgencyStatus current) => current != AgencyStatus.Revoked;

    public static bool CanChangeClaims(AgencyStatus current) => current != AgencyStatus.Revoked;
}
