using System.Collections.Frozen;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;

namespace CoordinationHub.Server.Security;

/// <summary>
/// The one table of which scope each <c>coordination.v1</c> method requires. A method missing here
/// is refused to everyone (fail closed), and a test checks that every method of the contracts has
/// an entry, so a new RPC cannot ship without a decision.
/// </summary>
public static class MethodScopes
{
    /// <summary>The rule of methods any authenticated, active agency may call, whatever its scopes.</summary>
    public const string AnyAuthenticatedAgency = "";

    private static readonly FrozenDictionary<string, string> Required = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [HubInfoServiceMethods.GetHubInfo.FullName] = AnyAuthenticatedAgency,
        [AgenciesServiceMethods.RegisterAgency.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.GetAgency.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.ListAgencies.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.UpdateAgencyClaims.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.SuspendAgency.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.ReinstateAgency.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.RevokeAgency.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.EnrollCertificate.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.ListCertificates.FullName] = Scopes.AgenciesAdmin,
        [AgenciesServiceMethods.RevokeCertificate.FullName] = Scopes.AgenciesAdmin,
        [CasesServiceMethods.ReportMissingPerson.FullName] = Scopes.CasesWrite,
        [CasesServiceMethods.GetCase.FullName] = Scopes.CasesRead,
        [CasesServiceMethods.ListCases.FullName] = Scopes.CasesRead,
        [CasesServiceMethods.SearchCases.FullName] = Scopes.CasesRead,
        [CasesServiceMethods.UpdateCase.FullName] = Scopes.CasesWrite,
        [CasesServiceMethods.ListCaseHistory.FullName] = Scopes.CasesRead,
        [CasesServiceMethods.ResolveDuplicate.FullName] = Scopes.CasesWrite,
        [ReferralsServiceMethods.CreateReferral.FullName] = Scopes.ReferralsWrite,
        [ReferralsServiceMethods.GetReferral.FullName] = Scopes.ReferralsRead,
        [ReferralsServiceMethods.ListReferrals.FullName] = Scopes.ReferralsRead,
        [ReferralsServiceMethods.AcceptReferral.FullName] = Scopes.ReferralsWrite,
        [ReferralsServiceMethods.DeclineReferral.FullName] = Scopes.ReferralsWrite,
        [ReferralsServiceMethods.CompleteReferral.FullName] = Scopes.ReferralsWrite,
        [ReferralsServiceMethods.WithdrawReferral.FullName] = Scopes.ReferralsWrite,
        [ConsentsServiceMethods.RecordConsent.FullName] = Scopes.ConsentWrite,
        [ConsentsServiceMethods.GetConsent.FullName] = Scopes.ConsentRead,
        [ConsentsServiceMethods.ListConsents.FullName] = Scopes.ConsentRead,
        [ConsentsServiceMethods.WithdrawConsent.FullName] = Scopes.ConsentWrite,
        [ConsentsServiceMethods.RecordLegalAuthorisation.FullName] = Scopes.AuthorisationsWrite,
        [ConsentsServiceMethods.GetLegalAuthorisation.FullName] = Scopes.ConsentRead,
        [ConsentsServiceMethods.ListLegalAuthorisations.FullName] = Scopes.ConsentRead,
        [IdentificationsServiceMethods.ReportIdentification.FullName] = Scopes.IdentificationsReport,
        [IdentificationsServiceMethods.GetIdentification.FullName] = Scopes.IdentificationsRead,
        [IdentificationsServiceMethods.ListIdentifications.FullName] = Scopes.IdentificationsRead,
        [IdentificationsServiceMethods.ConfirmIdentification.FullName] = Scopes.IdentificationsConfirm,
        [IdentificationsServiceMethods.RejectIdentification.FullName] = Scopes.IdentificationsConfirm,
        [IdentificationsServiceMethods.RecordFamilyInformed.FullName] = Scopes.IdentificationsInform,
        [NotificationsServiceMethods.Subscribe.FullName] = Scopes.NotificationsSubscribe,
        [NotificationsServiceMethods.Ack.FullName] = Scopes.NotificationsSubscribe,
        [AuditServiceMethods.QueryEntries.FullName] = Scopes.AuditRead,
        [AuditServiceMethods.ExportEntries.FullName] = Scopes.AuditRead,
        [AuditServiceMethods.VerifyRange.FullName] = Scopes.AuditRead,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The scope <paramref name="method"/> requires (<see cref="AnyAuthenticatedAgency"/> for none);
    /// false when the table has no rule for it.
    /// </summary>
    public static bool TryGetRequiredScope(IMethod method, out string scope)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Required.TryGetValue(method.FullName, out scope!);
    }

    /// <summary>Every method with a rule, by its HTTP/2 path.</summary>
    public static IEnumerable<string> Methods => Required.Keys;

    /// <summary>
    /// The standard gRPC services (health, reflection). They need the certificate of an active
    /// agency but no token, so load balancers and <c>buf curl</c> with a client certificate work
    /// (docs/adr/0003-agency-authentication.md).
    /// </summary>
    public static bool IsStandardService(IMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.ServiceName.StartsWith("grpc.health.v1.", StringComparison.Ordinal)
            || method.ServiceName.StartsWith("grpc.reflection.", StringComparison.Ordinal);
    }
}
