namespace CoordinationHub.Server.Trust;

/// <summary>Bootstrap will not run; the message tells the operator why and what to do instead.</summary>
public sealed class BootstrapRefusedException : Exception
{
    public BootstrapRefusedException()
    {
    }

    public BootstrapRefusedException(string message)
        : base(message)
    {
    }

    public BootstrapRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
