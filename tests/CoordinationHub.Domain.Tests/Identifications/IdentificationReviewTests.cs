using CoordinationHub.Domain.Identifications;

namespace CoordinationHub.Domain.Tests.Identifications;

public sealed class IdentificationReviewTests
{
    [Fact]
    public void CheckReview_SecondAgencyOnReported_Allowed() =>
        Assert.Null(IdentificationReview.CheckReview(IdentificationState.Reported, "lab-1", "judge-1"));

    [Theory]
    [InlineData(IdentificationState.Reported)]
    [InlineData(IdentificationState.Confirmed)]
    public void CheckReview_ByReporter_WrongPartyWhateverTheState(IdentificationState state) =>
        Assert.Equal(IdentificationRefusalKind.WrongParty, IdentificationReview.CheckReview(state, "lab-1", "lab-1")!.Kind);

    [Theory]
    [InlineData(IdentificationState.Confirmed)]
    [InlineData(IdentificationState.Rejected)]
    public void CheckReview_AlreadyReviewed_WrongState(IdentificationState state) =>
        Assert.Equal(IdentificationRefusalKind.WrongState, IdentificationReview.CheckReview(state, "lab-1", "judge-1")!.Kind);

    [Theory]
    [InlineData(IdentificationState.Reported, false, IdentificationRefusalKind.WrongState)]
    [InlineData(IdentificationState.Rejected, false, IdentificationRefusalKind.WrongState)]
    [InlineData(IdentificationState.Confirmed, true, IdentificationRefusalKind.WrongState)]
    public void CheckFamilyInformed_NotConfirmedOrAlreadyInformed_Refused(IdentificationState state, bool informed, IdentificationRefusalKind kind) =>
        Assert.Equal(kind, IdentificationReview.CheckFamilyInformed(state, informed)!.Kind);

    [Fact]
    public void CheckFamilyInformed_ConfirmedNotYetInformed_Allowed() =>
        Assert.Null(IdentificationReview.CheckFamilyInformed(IdentificationState.Confirmed, alreadyInformed: false));
}
