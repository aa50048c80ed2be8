namespace CoordinationHub.Server.Security;

/// <summary>The outcome of <see cref="AgencyAdmission"/>: a grant or a refusal, with the certificate's thumbprint either way.</summary>
public sealed record AdmissionResult
{
    private AdmissionResult(string thumbprint, AgencyGrant? grant, AccessRefusal? refusal)
    {
        Thumbprint = thumbprint;
        Grant = grant;
        Refusal = refusal;
    }

    /// <summary>SHA-256 of the connection's certificate, lower-case hex; empty when there was none.</summary>
    public string Thumbprint { get; }

    /// <summary>The active agency's grant; null when refused.</summary>
    public AgencyGrant? Grant { get; }

    /// <summary>Why the certificate is refused; null when admitted.</summary>
    public AccessRefusal? Refusal { get; }

    public static AdmissionResult Admitted(string thumbprint, AgencyGrant grant) => new(thumbprint, grant, null);

    public static AdmissionResult Refused(string thumbprint, AccessRefusal refusal) => new(thumbprint, null, refusal);
}
