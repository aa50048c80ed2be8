namespace CoordinationHub.Server.Services.Consents;

/// <summary>A checked <c>DisclosureScope</c>: vocabulary names, sorted and without repeats.</summary>
internal sealed record GrantScope(
    IReadOnlyList<string> Purposes,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> RecipientAgencyIds,
    IReadOnlyList<string> RecipientKinds);
