namespace CoordinationHub.Server.Services.Cases;

/// <summary>What the disclosure needs of a referral the reader accepted on the case (<see cref="CaseAccess.HeldBy"/>): its purpose and categories.</summary>
internal sealed record HeldReferral(Guid ReferralId, string Purpose, List<string> DataCategories);
