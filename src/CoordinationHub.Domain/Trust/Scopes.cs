namespace CoordinationHub.Domain.Trust;

/// <summary>
/// The scope vocabulary: each names a group of RPCs an agency may call. Administrators grant
/// scopes; every RPC requires exactly one.
/// </summary>
public static class Scopes
{
    public const string AgenciesAdmin = "agencies.admin";
    public const string CasesRead = "cases.read";
    public const string CasesWrite = "cases.write";
    public const string ReferralsRead = "referrals.read";
    public const string ReferralsWrite = "referrals.write";
    public const string ConsentRead = "consent.read";
    public const string ConsentWrite = "consent.write";

    /// <summary>Recording court orders and statutes in place of consent: for judicial agencies only.</summary>
    public const string AuthorisationsWrite = "authorisations.write";

    public const string IdentificationsRead = "identifications.read";
    public const string IdentificationsReport = "identifications.report";
    public const string IdentificationsConfirm = "identifications.confirm";

    /// <summary>Recording that a family was informed: the family's liaison agency, not the laboratory.</summary>
    public const string IdentificationsInform = "identifications.inform";
    public const string NotificationsSubscribe = "notifications.subscribe";
    public const string AuditRead = "audit.read";

    /// <summary>Every scope, in the order documented in the API.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AgenciesAdmin, CasesRead, CasesWrite, ReferralsRead, ReferralsWrite, ConsentRead, ConsentWrite, AuthorisationsWrite,
        IdentificationsRead, IdentificationsReport, IdentificationsConfirm, IdentificationsInform, NotificationsSubscribe, AuditRead,
    ];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
