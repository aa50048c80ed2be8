namespace CoordinationHub.Domain.Trust;

/// <summary>Whether the hub lets an agency in.</summary>
public enum AgencyStatus
{
    Active = 1,
    Suspended = 2,
    Revoked = 3,
}
