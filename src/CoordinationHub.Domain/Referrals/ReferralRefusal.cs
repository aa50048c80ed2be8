namespace CoordinationHub.Domain.Referrals;

/// <summary>Why a referral transition was refused; the API maps these to status codes.</summary>
public enum ReferralRefusal
{
    /// <summary>The transition is not allowed from the current state (FAILED_PRECONDITION).</summary>
    IllegalState,

    /// <summary>The caller is not the party that may take this step (PERMISSION_DENIED).</summary>
    WrongParty,
}
