namespace CoordinationHub.Cli;

/// <summary>
/// Something the user must fix before anything is sent to the hub, found after parsing (an
/// unreadable PEM file, a key without a certificate). Ends the command with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
