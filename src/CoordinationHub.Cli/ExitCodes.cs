namespace CoordinationHub.Cli;

/// <summary>
/// hubctl's exit codes. Scripts and monitoring branch on them, so they are a contract: never
/// renumber, only add.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (for <c>health</c>: the hub or service is SERVING).</summary>
    public const int Ok = 0;

    /// <summary>The command line or a file it names is wrong; nothing was sent to the hub.</summary>
    public const int Usage = 1;

    /// <summary>The hub answered with a gRPC error status (printed as <c>CODE: message</c>); a refused token request too.</summary>
    public const int RpcError = 2;

    /// <summary><c>health</c> reached the hub, but the service is not SERVING.</summary>
    public const int NotServing = 3;

    /// <summary>The hub could not be reached: connection refused, DNS, or a failed TLS handshake (UNAVAILABLE).</summary>
    public const int Unavailable = 4;

    /// <summary><c>admin bootstrap</c> refused: the hub already has an administrator, or the key files exist. Nothing changed.</summary>
    public const int BootstrapRefused = 5;

    /// <summary><c>db migrate</c> or <c>admin bootstrap</c>: the database cannot be reached, or is not migrated.</summary>
    public const int DatabaseError = 6;

    /// <summary><c>audit verify</c>: the log or the export was tampered with (or is not a valid export); the first bad entry is named.</summary>
    public const int VerificationFailed = 7;

    /// <summary>The table appended to every <c>--help</c>.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Documented { get; } =
    [
        (Ok, "success (health: SERVING)"),
        (Usage, "usage error: bad option, unreadable certificate or key file"),
        (RpcError, "the hub answered with a gRPC error (or refused the token); 'CODE: message' on stderr"),
        (NotServing, "health: the service is not SERVING"),
        (Unavailable, "the hub is unreachable or the TLS handshake failed (UNAVAILABLE)"),
        (BootstrapRefused, "admin bootstrap refused: the hub already has an administrator; nothing changed"),
        (DatabaseError, "db migrate / admin bootstrap: the database is unreachable or not migrated"),
        (VerificationFailed, "audit verify: the chain or a checkpoint does not verify; the first bad entry is printed"),
    ];
}
