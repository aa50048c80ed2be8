namespace CoordinationHub.Server.Persistence.Configurations.Cases;

/// <summary>The <c>cases</c> schema: case records, reports, duplicate flags, history and referrals.</summary>
internal static class CaseSchema
{
    public const string Name = "cases";

    /// <summary>Numbers hub case ids (<c>MP-YYYY-NNNNNN</c>) across replicas without collisions.</summary>
    public const string CaseNumberSequence = "case_numbers";
}
