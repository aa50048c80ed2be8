namespace CoordinationHub.Rpc.Server;

/// <summary>
/// A service implementation that binds its methods. One instance is resolved from the call's
/// dependency-injection scope per call, so implementations may take scoped dependencies.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IRpcService<TSelf>
    where TSelf : class, IRpcService<TSelf>
{
    /// <summary>Adds every method of the service to <paramref name="binder"/>.</summary>
    static abstract void BindMethods(RpcServiceBinder<TSelf> binder);
}
