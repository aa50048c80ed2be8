namespace CoordinationHub.Domain.Identifications;

/// <summary>Where an identification stands (the API's <c>IdentificationState</c>).</summary>
public enum IdentificationState
{
    Reported,
    Confirmed,
    Rejected,
}
