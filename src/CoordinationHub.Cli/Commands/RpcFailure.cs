using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using CoordinationHub.Rpc;

namespace CoordinationHub.Cli.Commands;

/// <summary>
/// A failed call as the user reads it: <c>CODE: message</c> and its exit code. UNAVAILABLE is
/// split out and explained, because "cannot connect" and "TLS refused" need different fixes.
/// </summary>
internal sealed record RpcFailure(int ExitCode, string Message)
{
    public static RpcFailure Describe(RpcException exception, Uri hub)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = CanonicalName(exception.StatusCode);
        if (exception.StatusCode != StatusCode.Unavailable)
        {
            return new RpcFailure(ExitCodes.RpcError, $"{code}: {exception.Status.Detail}");
        }

        if (Find<AuthenticationException>(exception) is { } tls)
        {
            return new RpcFailure(
                ExitCodes.Unavailable,
                $"{code}: TLS handshake with {hub} failed: {Sentence(Innermost(tls).Message)} " +
                "Check that --ca (HUBCTL_CA) names the CA that issued the hub's certificate and that the address matches it, " +
                "and that --cert (HUBCTL_CERT) is a client certificate issued by the hub's CA: the hub refuses connections without one.");
        }

        if (Find<SocketException>(exception) is { } socket)
        {
            return new RpcFailure(ExitCodes.Unavailable, $"{code}: cannot connect to {hub}: {socket.Message}");
        }

        return new RpcFailure(ExitCodes.Unavailable, $"{code}: {hub}: {exception.Status.Detail}");
    }

    /// <summary>The name in grpc/grpc doc/statuscodes.md (NOT_FOUND), which every gRPC tool prints.</summary>
    public static string CanonicalName(StatusCode code)
    {
        var name = code.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
