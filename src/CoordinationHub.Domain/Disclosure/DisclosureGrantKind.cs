namespace CoordinationHub.Domain.Disclosure;

/// <summary>Where a disclosure grant comes from.</summary>
public enum DisclosureGrantKind
{
    /// <summary>Given by the missing person or a family member.</summary>
    Consent,

    /// <summary>A court order or a statute.</summary>
    LegalAuthorisation,
}
