using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using Google.Protobuf;

namespace CoordinationHub.Client.Internal;

/// <summary>A unary call and its attempts; an UNAUTHENTICATED answer drops the token the attempt carried.</summary>
internal sealed class UnaryAttempt<TResponse>(Func<CallOptions, Task<TResponse>> send, CallCredentials credentials, CallOptions options, bool safeToRepeat) : IUnaryAttempt
    where TResponse : class, IMessage<TResponse>
{
    public CallOptions Options => options;

    public bool SafeToRepeat => safeToRepeat;

    public bool TokenRefused { get; private set; }

    public RpcException? LastError { get; private set; }

    public bool BeforeDeadline() =>
        options.Deadline is not { } deadline || deadline == DateTime.MaxValue || deadline.ToUniversalTime() > DateTime.UtcNow;

    public async ValueTask<TResponse> RunAsync()
    {
        TokenRefused = false;
        try
        {
            var (withCredentials, token) = await credentials.AttachAsync(options).ConfigureAwait(false);
            try
            {
                return await send(withCredentials).ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
            {
                credentials.Tokens.Invalidate(token);
                TokenRefused = true;
                throw;
            }
        }
        catch (RpcException ex)
        {
            LastError = ex;
            throw;
        }
    }
}
