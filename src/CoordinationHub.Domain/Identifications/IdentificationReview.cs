namespace CoordinationHub.Domain.Identifications;

/// <summary>
/// The two-authority rule: an identification is released as fact only after an agency other than
/// the one that reported it reviewed it (DESIGN.md section 5), and it is reviewed once. The family
/// is informed only of a confirmed identification.
/// </summary>
public static class IdentificationReview
{
    /// <summary>Why <paramref name="reviewerAgencyId"/> may not review now; null when it may.</summary>
    public static IdentificationRefusal? CheckReview(IdentificationState state, string reportingAgencyId, string reviewerAgencyId)
    {
        if (string.Equals(reportingAgencyId, reviewerAgencyId, StringComparison.Ordinal))
        {
            return new(IdentificationRefusalKind.WrongParty, "the reporting agency cannot review its own identification; a second authority must confirm or reject it.");
        }

        return state == IdentificationState.Reported
            ? null
            : new(IdentificationRefusalKind.WrongState, $"the identification was already {state.ToString().ToLowerInvariant()}; it is reviewed once.");
    }

    /// <summary>Why the family cannot be recorded informed now; null when it can.</summary>
    public static IdentificationRefusal? CheckFamilyInformed(IdentificationState state, bool alreadyInformed) =>
        state != IdentificationState.Confirmed
            ? new(IdentificationRefusalKind.WrongState, $"the identification is {state.ToString().ToLowerInvariant()}; a family is informed only of a confirmed identification.")
            : alreadyInformed
                ? new(IdentificationRefusalKind.WrongState, "the family was already recorded informed of this identification.")
                : null;
}
