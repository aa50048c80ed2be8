namespace CoordinationHub.Rpc.Server;

/// <summary>Handles a unary call.</summary>
public delegate Task<TResponse> UnaryServerMethod<TService, TRequest, TResponse>(
    TService service, TRequest request, ServerCallContext context);

/// <summary>Handles a client-streaming call.</summary>
public delegate Task<TResponse> ClientStreamingServerMethod<TService, TRequest, TResponse>(
    TService service, IAsyncEnumerable<TRequest> requests, ServerCallContext context);

/// <summary>Handles a server-streaming call.</summary>
public delegate Task ServerStreamingServerMethod<TService, TRequest, TResponse>(
    TService service, TRequest request, IServerStreamWriter<TResponse> responses, ServerCallContext context);

/// <summary>Handles a bidirectional-streaming call.</summary>
public delegate Task DuplexStreamingServerMethod<TService, TRequest, TResponse>(
    TService service, IAsyncEnumerable<TRequest> requests, IServerStreamWriter<TResponse> responses, ServerCallContext context);
