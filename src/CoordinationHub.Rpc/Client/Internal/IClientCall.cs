namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>What the public call objects need from a call, without its request type.</summary>
internal interface IClientCall<TResponse> : IDisposable
{
    Task<Metadata> ResponseHeadersAsync { get; }

    RpcStatus GetStatus();

    Metadata GetTrailers();

    IAsyncEnumerable<TResponse> ReadAllAsync(CancellationToken cancellationToken);
}
