using CoordinationHub.Contracts.V1;
using DomainNameScript = CoordinationHub.Domain.Matching.NameScript;
using NameTokenizer = CoordinationHub.Domain.Matching.NameTokenizer;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>Names stored with their script always set, so that readers and reviewers need not guess it again.</summary>
internal static class CaseNameScripts
{
    public static void Fill(PersonIdentity? identity)
    {
        if (identity is null)
        {
            return;
        }

        foreach (var name in identity.Names)
        {
            name.FullName = name.FullName.Trim();
            if (name.Script == NameScript.Unspecified)
            {
                name.Script = NameTokenizer.DetectScript(name.FullName) == DomainNameScript.Arabic ? NameScript.Arabic : NameScript.Latin;
            }
        }
    }
}
