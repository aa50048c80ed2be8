using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Identifications;

/// <summary>The Identifications and Notifications RPCs as one agency calls them over mTLS with its token.</summary>
internal sealed class IdentificationsApi(TestAgency agency, RpcChannel channel, string token) : IDisposable
{
    public TestAgency Agency => agency;

    public string AgencyId => agency.AgencyId;

    public RpcChannel Channel => channel;

    public string Token => token;

    public static async Task<IdentificationsApi> SignInAsync(HubClient client, TestAgency agency) =>
        new(agency, client.OpenChannel(agency.Certificate), await client.GetTokenAsync(agency.Certificate, agency.AgencyId));

    public static ReportIdentificationRequest NewReport(string caseId, MatchedPerson matched = MatchedPerson.Deceased, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString("N"),
        CaseId = caseId,
        Site = "Mass grave site B-12, Sinjar",
        SampleReference = "LAB-2026-0042-F",
        Method = IdentificationMethod.DnaKinship,
        Statistics = new MatchStatistics { LikelihoodRatio = 1.2e9, PosteriorProbability = 0.9999, PointsCompared = 23 },
        MatchedPerson = matched,
    };

    public Task<Identification> ReportAsync(ReportIdentificationRequest request) => Call(IdentificationsServiceMethods.ReportIdentification, request);

    public Task<Identification> ReportAsync(string caseId, MatchedPerson matched = MatchedPerson.Deceased) => ReportAsync(NewReport(caseId, matched));

    public Task<Identification> GetAsync(string id) => Call(IdentificationsServiceMethods.GetIdentification, new GetIdentificationRequest { IdentificationId = id });

    public Task<ListIdentificationsResponse> ListAsync(string caseId) => Call(IdentificationsServiceMethods.ListIdentifications, new ListIdentificationsRequest { CaseId = caseId });

    public Task<Identification> ConfirmAsync(string id, string etag = "") =>
        Call(IdentificationsServiceMethods.ConfirmIdentification, new ConfirmIdentificationRequest { IdentificationId = id, Note = "kinship confirmed on review", Etag = etag });

    public Task<Identification> RejectAsync(string id) =>
        Call(IdentificationsServiceMethods.RejectIdentification, new RejectIdentificationRequest { IdentificationId = id, Reason = "sample chain of custody broken" });

    public Task<Identification> RecordFamilyInformedAsync(string id) =>
        Call(IdentificationsServiceMethods.RecordFamilyInformed, new RecordFamilyInformedRequest { IdentificationId = id });

    public Task<AckResponse> AckAsync(long sequence) => Call(NotificationsServiceMethods.Ack, new AckRequest { Sequence = sequence });

    /// <summary>Opens the notification stream; without a cursor it resumes after the last ack.</summary>
    public AsyncServerStreamingCall<SubscribeResponse> Subscribe(long? afterSequence = null, CancellationToken cancellationToken = default)
    {
        var request = new SubscribeRequest();
        if (afterSequence is { } after)
        {
            request.AfterSequence = after;
        }

        var options = HubClient.WithCredentials(token, "duty-officer") with { CancellationToken = cancellationToken };
        return channel.AsyncServerStreamingCall(NotificationsServiceMethods.Subscribe, request, options);
    }

    public void Dispose() => channel.Dispose();

    private Task<TResponse> Call<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        channel.UnaryAsync(method, request, HubClient.WithCredentials(token, "duty-officer"));
}
