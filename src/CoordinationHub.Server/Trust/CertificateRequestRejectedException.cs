namespace CoordinationHub.Server.Trust;

/// <summary>A CSR or certificate an administrator asked to enroll is unusable; the message says why, for the caller.</summary>
public sealed class CertificateRequestRejectedException : Exception
{
    public CertificateRequestRejectedException()
    {
    }

    public CertificateRequestRejectedException(string message)
        : base(message)
    {
    }

    public CertificateRequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
