namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>Rejects a misconfigured channel when it is created rather than on its first call.</summary>
internal static class ChannelOptionsValidation
{
    public static void Validate(Uri address, RpcChannelOptions options)
    {
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Address '{address}' must be an absolute http:// or https:// URI.", nameof(address));
        }

        if (options.MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentException("MaxReceiveMessageSize must be positive.", nameof(options));
        }

        if (options.MaxSendMessageSize <= 0)
        {
            throw new ArgumentException("MaxSendMessageSize must be positive.", nameof(options));
        }

        if (options.KeepAlivePingDelay is { } delay && delay <= TimeSpan.Zero)
        {
            throw new ArgumentException("KeepAlivePingDelay must be positive.", nameof(options));
        }

        if (options.HttpHandler is not null && (options.ClientCertificate is not null || options.TrustedRoots is not null))
        {
            throw new ArgumentException(
                "ClientCertificate and TrustedRoots configure the channel's own handler; configure TLS on HttpHandler instead.", nameof(options));
        }

        if (address.Scheme == Uri.UriSchemeHttp && (options.ClientCertificate is not null || options.TrustedRoots is not null))
        {
            throw new ArgumentException("ClientCertificate and TrustedRoots need an https:// address.", nameof(options));
        }
    }
}
