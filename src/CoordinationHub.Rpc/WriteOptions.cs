namespace CoordinationHub.Rpc;

/// <summary>Per-message write options.</summary>
/// <param name="NoCompress">Send the next messages uncompressed even when the call has a compression encoding.</param>
public sealed record WriteOptions(bool NoCompress = false)
{
    /// <summary>The default: compress when the call's encoding says so.</summary>
    public static WriteOptions Default { get; } = new();
}
