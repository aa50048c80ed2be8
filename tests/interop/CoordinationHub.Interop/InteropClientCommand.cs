using System.CommandLine;

namespace CoordinationHub.Interop;

/// <summary>The <c>client</c> command; filled in once the client transport lands.</summary>
public static class InteropClientCommand
{
    public static void AddTo(RootCommand root, string repoRoot)
    {
        ArgumentNullException.ThrowIfNull(root);
        _ = repoRoot;
    }
}
