using System.Collections.Concurrent;
using System.Globalization;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;

namespace CoordinationHub.Client.Tests.Infrastructure;

/// <summary>
/// An interceptor after authentication that counts the attempts of each test call (by its
/// <c>x-test-key</c> header) and, when the call asks for it, answers its first attempts the way a
/// replica going away (UNAVAILABLE) or a hub refusing an expired token (UNAUTHENTICATED) would, or
/// answers slowly. How the SDK's retries are seen from the hub's side.
/// </summary>
public sealed class CallProbe : IServerCallInterceptor
{
    public const string KeyHeader = "x-test-key";
    public const string UnavailableHeader = "x-test-unavailable-attempts";
    public const string UnauthenticatedHeader = "x-test-unauthenticated-attempts";
    public const string DelayHeader = "x-test-delay-ms";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _attempts = new(StringComparer.Ordinal);

    /// <summary>The authorization header of each attempt that reached the hub with <paramref name="key"/>.</summary>
    public IReadOnlyList<string> AttemptsOf(string key) => _attempts.TryGetValue(key, out var attempts) ? [.. attempts] : [];

    public async Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> continuation)
    {
        if (context.RequestHeaders.GetValue(KeyHeader) is not { } key)
        {
            await continuation(context);
            return;
        }

        var attempts = _attempts.GetOrAdd(key, _ => new ConcurrentQueue<string>());
        attempts.Enqueue(context.RequestHeaders.GetValue("authorization") ?? string.Empty);
        if (attempts.Count <= Number(context, UnavailableHeader))
        {
            throw new RpcException(StatusCode.Unavailable, "test: replica going away");
        }

        if (attempts.Count <= Number(context, UnauthenticatedHeader))
        {
            throw new RpcException(StatusCode.Unauthenticated, "test: token expired");
        }

        if (Number(context, DelayHeader) is > 0 and var delay)
        {
            await Task.Delay(delay, context.CancellationToken);
        }

        await continuation(context);
    }

    private static int Number(ServerCallContext context, string header) =>
        context.RequestHeaders.GetValue(header) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
}
