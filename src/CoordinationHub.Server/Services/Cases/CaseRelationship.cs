namespace CoordinationHub.Server.Services.Cases;

/// <summary>How an agency stands to a case; decides whether the case exists for it and on which basis it reads.</summary>
internal enum CaseRelationship
{
    /// <summary>No relation: the case does not exist for this agency.</summary>
    None,

    /// <summary>The agency filed a report on the case: it holds the data it collected.</summary>
    Reporter,

    /// <summary>The agency accepted a referral on the case.</summary>
    ReferralHolder,
}
