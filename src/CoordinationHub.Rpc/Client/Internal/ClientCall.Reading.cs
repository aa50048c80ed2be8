using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using CoordinationHub.Rpc.Internal;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>The response side of a call: messages, then the trailers that carry the status.</summary>
internal sealed partial class ClientCall<TRequest, TResponse>
{
    private PipeReader? _reader;
    private string? _responseEncoding;
    private int _enumerating;

    /// <summary>The single response of a unary or client-streaming call; started as soon as the call is.</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        if (!await _started.ConfigureAwait(false))
        {
            throw StatusException();
        }

        TResponse? message = null;
        try
        {
            message = await ReadMessageAsync().ConfigureAwait(false);
            if (message is not null && await ReadMessageAsync().ConfigureAwait(false) is not null)
            {
                throw new RpcException(ClientStatuses.TooManyMessages);
            }

            var (status, trailers) = ReadTrailers();
            Complete(status.Code == StatusCode.OK && message is null ? ClientStatuses.NoMessage : status, trailers, cause: null);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            await CompleteReaderAsync().ConfigureAwait(false);
        }

        return GetStatus().Code == StatusCode.OK ? message! : throw StatusException();
    }

    public async IAsyncEnumerable<TResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _enumerating, 1) == 1)
        {
            throw new InvalidOperationException("The response stream is already being read; enumerate ReadAllAsync once at a time.");
        }

        try
        {
            using var registration = RegisterCancellation(cancellationToken);
            if (await _started.ConfigureAwait(false))
            {
                while (await ReadNextAsync().ConfigureAwait(false) is { } message)
                {
                    yield return message;
                }
            }

            if (GetStatus().Code != StatusCode.OK)
            {
                throw StatusException();
            }
        }
        finally
        {
            Volatile.Write(ref _enumerating, 0);
        }
    }

    /// <summary>The next streamed message, or null once the call has completed (with whatever status).</summary>
    private async Task<TResponse?> ReadNextAsync()
    {
        if (IsCompleted)
        {
            return null;
        }

        try
        {
            if (await ReadMessageAsync().ConfigureAwait(false) is { } message)
            {
                return message;
            }

            var (status, trailers) = ReadTrailers();
            Complete(status, trailers, cause: null);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }

        await CompleteReaderAsync().ConfigureAwait(false);
        return null;
    }

    private async ValueTask<TResponse?> ReadMessageAsync()
    {
        if (_reader is null)
        {
            var stream = await _response!.Content.ReadAsStreamAsync(_callToken).ConfigureAwait(false);
            _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            _responseEncoding = ResponseHeaders.GetEncoding(_response);
        }

        return await MessageFraming.ReadMessageAsync(
            _reader, _method.ResponseParser, _channel.MaxReceiveMessageSize, _responseEncoding, _callToken).ConfigureAwait(false);
    }

    /// <summary>The status and metadata of the trailers, which HttpClient fills in once the body was read to its end.</summary>
    private (RpcStatus Status, Metadata Trailers) ReadTrailers()
    {
        var trailingHeaders = _response!.TrailingHeaders;
        return (ResponseHeaders.ReadStatus(trailingHeaders) ?? ClientStatuses.NoStatus, ResponseHeaders.ToMetadata(trailingHeaders));
    }

    private async ValueTask CompleteReaderAsync()
    {
        if (_reader is not null)
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
