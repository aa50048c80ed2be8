namespace CoordinationHub.Domain.Identifications;

/// <summary>The kind of refusal: the caller is not the party that may act, or the step does not apply now.</summary>
public enum IdentificationRefusalKind
{
    /// <summary>The caller may never take this step on this identification (PERMISSION_DENIED).</summary>
    WrongParty,

    /// <summary>The step does not apply in the identification's state (FAILED_PRECONDITION).</summary>
    WrongState,
}
