namespace CoordinationHub.Server.Services.Consents;

/// <summary>The stored names of who gave a consent and what an authorisation rests on (<c>cases.disclosure_grants.origin</c>).</summary>
internal static class GrantOrigins
{
    public const string MissingPerson = "MissingPerson";
    public const string FamilyMember = "FamilyMember";
    public const string CourtOrder = "CourtOrder";
    public const string Statute = "Statute";
}
