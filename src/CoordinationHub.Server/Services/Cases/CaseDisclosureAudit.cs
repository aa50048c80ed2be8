using CoordinationHub.Domain.Disclosure;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// The audit reason of one disclosure: purpose, what was disclosed on which basis and what was
/// withheld and why, so that an auditor can later explain every view of a family's data.
/// </summary>
internal static class CaseDisclosureAudit
{
    // The audit reason column holds 1,000 characters.
    private const int MaxLength = 1000;

    public static string Describe(DisclosureDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);

        // Grouped by reason: most withheld categories share one ("no claim", "no grant").
        var withheld = string.Join("; ", decision.Withheld
            .GroupBy(w => w.Value, StringComparer.Ordinal)
            .Select(g => $"{string.Join(' ', g.Select(w => w.Key))}: {g.Key}"));
        var text = $"disclosed for {decision.Purpose}: [{string.Join(' ', decision.Disclosed)}] on basis [{string.Join(' ', decision.Basis)}]; withheld [{withheld}]";
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
