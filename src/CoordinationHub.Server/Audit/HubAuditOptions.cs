using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Server.Audit;

/// <summary>The access log's checkpoints and sealing (section <c>Hub:Audit</c>).</summary>
public sealed class HubAuditOptions
{
    public const string Section = "Hub:Audit";

    /// <summary>
    /// PEM file of the hub's checkpoint key (ECDSA P-256, PKCS#8). Outside the database on purpose:
    /// whoever can rewrite the database must not also be able to re-sign it. Every replica uses the same key.
    /// </summary>
    [Required]
    public string CheckpointKeyPath { get; set; } = string.Empty;

    /// <summary>
    /// PEM files of the public keys the hub signed checkpoints with before the current one, kept
    /// after each rotation: checkpoints verify with the key they name, so without these the older
    /// part of the log fails verification on the hub. Published with the current key at
    /// <c>/.well-known/audit-keys.pem</c>. docs/operations.md, "Rotating the checkpoint key".
    /// </summary>
    public string[] PreviousPublicKeyPaths { get; set; } = [];

    /// <summary>A chain is checkpointed once it has grown this many entries past its last checkpoint…</summary>
    [Range(1, 10_000_000)]
    public int CheckpointEveryEntries { get; set; } = 1000;

    /// <summary>…or when its last checkpoint is this old and entries came after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckpointEvery { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each replica looks at the chains' heads.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan CheckpointPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether this replica takes a sealer slot and seals its own saves' entries on the slot's
    /// chains (docs/adr/0021). Off, every entry goes to the database-sealed lanes, as before 2026-12-07.
    /// </summary>
    public bool SealOnOwnedChains { get; set; } = true;

    /// <summary>How often the replica checks its sealer slot's session, reads heads it lost, or tries to take a slot.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SealerPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
