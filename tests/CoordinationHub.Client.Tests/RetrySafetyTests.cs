using CoordinationHub.Client.Internal;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;

namespace CoordinationHub.Client.Tests;

/// <summary>Which failed calls the SDK sends again: UNAVAILABLE on a read, or on a write that carries a request_id.</summary>
public sealed class RetrySafetyTests
{
    private static readonly string[] Writes =
    [
        "AcceptReferral", "Ack", "CompleteReferral", "ConfirmIdentification", "CreateReferral", "DeclineReferral", "EnrollCertificate",
        "RecordConsent", "RecordFamilyInformed", "RecordLegalAuthorisation", "RegisterAgency", "ReinstateAgency", "RejectIdentification",
        "ReportIdentification", "ReportMissingPerson", "ResolveDuplicate", "RevokeAgency", "RevokeCertificate", "Subscribe", "SuspendAgency",
        "UpdateAgencyClaims", "UpdateCase", "WithdrawConsent", "WithdrawReferral",
    ];

    [Fact]
    public void IsRead_EveryMethodOfCoordinationV1_OnlyGetListSearchQueryExportAndVerifyAreReads()
    {
        var notReads = AllMethods().Where(m => !RetrySafety.IsRead(m)).Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal(Writes, notReads);
        Assert.Contains(AllMethods(), m => m.Name == "VerifyRange" && RetrySafety.IsRead(m));
    }

    [Fact]
    public void MayRetryUnavailable_Read_True() =>
        Assert.True(RetrySafety.MayRetryUnavailable(StatusCode.Unavailable, CasesServiceMethods.GetCase, new GetCaseRequest { CaseId = "MP-1" }));

    [Fact]
    public void MayRetryUnavailable_WriteWithRequestId_True() =>
        Assert.True(RetrySafety.MayRetryUnavailable(StatusCode.Unavailable, CasesServiceMethods.ReportMissingPerson, new ReportMissingPersonRequest { RequestId = "r-1" }));

    [Fact]
    public void MayRetryUnavailable_WriteWithEmptyRequestId_False() =>
        Assert.False(RetrySafety.MayRetryUnavailable(StatusCode.Unavailable, CasesServiceMethods.ReportMissingPerson, new ReportMissingPersonRequest { LocalReference = "L-1" }));

    [Fact]
    public void MayRetryUnavailable_WriteWhoseRequestHasNoRequestIdField_False() =>
        Assert.False(RetrySafety.MayRetryUnavailable(StatusCode.Unavailable, ReferralsServiceMethods.AcceptReferral, new AcceptReferralRequest { ReferralId = "x" }));

    [Theory]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.Unknown)]
    [InlineData(StatusCode.ResourceExhausted)]
    [InlineData(StatusCode.Aborted)]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.PermissionDenied)]
    public void MayRetryUnavailable_AnotherStatusOnARead_False(StatusCode status) =>
        Assert.False(RetrySafety.MayRetryUnavailable(status, CasesServiceMethods.GetCase, new GetCaseRequest { CaseId = "MP-1" }));

    [Fact]
    public void HubRetryOptions_NoAttempt_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HubConnection.ForAddress(new Uri("https://hub.test")).WithRetries(0));

    private static List<IMethod> AllMethods() =>
        [.. typeof(CasesServiceMethods).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("ServiceMethods", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(p => typeof(IMethod).IsAssignableFrom(p.PropertyType))
            .Select(p => (IMethod)p.GetValue(null)!)];
}
