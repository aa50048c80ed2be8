namespace CoordinationHub.Audit;

/// <summary>An export file that is not in <see cref="AuditExportFormat"/>: reported with its line, never guessed around.</summary>
public sealed class AuditExportFormatException : Exception
{
    public AuditExportFormatException()
    {
    }

    public AuditExportFormatException(string message)
        : base(message)
    {
    }

    public AuditExportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
