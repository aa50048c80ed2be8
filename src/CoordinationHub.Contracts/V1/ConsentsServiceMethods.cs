using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.V1;

/// <summary>The method table of <c>coordination.v1.ConsentsService</c>.</summary>
public static class ConsentsServiceMethods
{
    /// <summary>The service descriptor generated from <c>coordination/v1/consents.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = ConsentsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ConsentsService");

    /// <summary><c>RecordConsent</c>: records a consent collected by the caller.</summary>
    public static Method<RecordConsentRequest, Consent> RecordConsent { get; } = Method.FromDescriptor<RecordConsentRequest, Consent>(Descriptor, nameof(RecordConsent));

    /// <summary><c>GetConsent</c>: returns one consent.</summary>
    public static Method<GetConsentRequest, Consent> GetConsent { get; } = Method.FromDescriptor<GetConsentRequest, Consent>(Descriptor, nameof(GetConsent));

    /// <summary><c>ListConsents</c>: pages through a case's consents.</summary>
    public static Method<ListConsentsRequest, ListConsentsResponse> ListConsents { get; } = Method.FromDescriptor<ListConsentsRequest, ListConsentsResponse>(Descriptor, nameof(ListConsents));

    /// <summary><c>WithdrawConsent</c>: records the giver's withdrawal.</summary>
    public static Method<WithdrawConsentRequest, Consent> WithdrawConsent { get; } = Method.FromDescriptor<WithdrawConsentRequest, Consent>(Descriptor, nameof(WithdrawConsent));

    /// <summary><c>RecordLegalAuthorisation</c>: records a court order or statute.</summary>
    public static Method<RecordLegalAuthorisationRequest, LegalAuthorisation> RecordLegalAuthorisation { get; } = Method.FromDescriptor<RecordLegalAuthorisationRequest, LegalAuthorisation>(Descriptor, nameof(RecordLegalAuthorisation));

    /// <summary><c>GetLegalAuthorisation</c>: returns one legal authorisation.</summary>
    public static Method<GetLegalAuthorisationRequest, LegalAuthorisation> GetLegalAuthorisation { get; } = Method.FromDescriptor<GetLegalAuthorisationRequest, LegalAuthorisation>(Descriptor, nameof(GetLegalAuthorisation));

    /// <summary><c>ListLegalAuthorisations</c>: pages through a case's legal authorisations.</summary>
    public static Method<ListLegalAuthorisationsRequest, ListLegalAuthorisationsResponse> ListLegalAuthorisations { get; } = Method.FromDescriptor<ListLegalAuthorisationsRequest, ListLegalAuthorisationsResponse>(Descriptor, nameof(ListLegalAuthorisations));
}
