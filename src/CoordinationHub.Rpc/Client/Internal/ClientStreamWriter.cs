using Google.Protobuf;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>The request stream of a call: one write at a time, nothing after completion.</summary>
internal sealed class ClientStreamWriter<TRequest, TResponse> : IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly ClientCall<TRequest, TResponse> _call;
    private readonly Lock _lock = new();
    private Task _lastWrite = Task.CompletedTask;
    private bool _completed;

    public ClientStreamWriter(ClientCall<TRequest, TResponse> call) => _call = call;

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            if (_completed)
            {
                return Task.FromException(new InvalidOperationException("The request stream has already been completed."));
            }

            if (!_lastWrite.IsCompleted)
            {
                return Task.FromException(new InvalidOperationException("The previous write is still in progress; await it before writing again."));
            }

            _lastWrite = _call.WriteMessageAsync(message, WriteOptions, cancellationToken);
            return _lastWrite;
        }
    }

    public Task CompleteAsync()
    {
        lock (_lock)
        {
            if (!_lastWrite.IsCompleted)
            {
                return Task.FromException(new InvalidOperationException("A write is still in progress; await it before completing the request stream."));
            }

            _completed = true;
        }

        _call.CompleteRequest();
        return Task.CompletedTask;
    }
}
