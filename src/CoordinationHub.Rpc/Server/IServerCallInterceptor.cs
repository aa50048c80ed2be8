namespace CoordinationHub.Rpc.Server;

/// <summary>
/// Runs around every service method invocation, for every call shape. Authentication, audit and
/// metrics hook in here; an interceptor refuses a call by throwing <see cref="RpcException"/>.
/// Registered in dependency injection and run in registration order.
/// </summary>
public interface IServerCallInterceptor
{
    /// <summary>Does its work and calls <paramref name="continuation"/> to continue the call (or not, to refuse it).</summary>
    Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> continuation);
}
