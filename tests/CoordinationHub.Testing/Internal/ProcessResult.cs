namespace CoordinationHub.Testing.Internal;

/// <summary>How a helper process ended: its exit code (-1 when killed on timeout) and its combined output.</summary>
internal sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
