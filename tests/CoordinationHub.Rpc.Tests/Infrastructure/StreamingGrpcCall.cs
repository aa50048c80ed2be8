using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Google.Protobuf;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>
/// One gRPC call of any shape over HTTP/2 whose request messages the test sends one at a time, reading responses in
/// between, so a test can prove the server answers before the request stream ends. Disposing it resets the stream,
/// which is how a client cancels.
/// </summary>
public sealed class StreamingGrpcCall : IAsyncDisposable
{
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>();
    private readonly HttpRequestMessage _request;
    private readonly Task<HttpResponseMessage> _response;
    private Stream? _body;

    public StreamingGrpcCall(HttpClient http, Uri address, string path)
    {
        _request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ChannelContent(_outgoing.Reader),
        };
        _request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/grpc");
        _request.Headers.TE.ParseAdd("trailers");
        // Not awaited: for a streaming call the response headers may only come once a request message went out.
        _response = http.SendAsync(_request, HttpCompletionOption.ResponseHeadersRead);
    }

    public void Send(IMessage message) => _outgoing.Writer.TryWrite(RawGrpcClient.Frame(message));

    /// <summary>Half-closes the request stream.</summary>
    public void CompleteRequests() => _outgoing.Writer.TryComplete();

    /// <summary>The next response message, or null at the end of the response stream.</summary>
    public async Task<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken = default)
        where T : IMessage<T>
    {
        _body ??= await (await _response.WaitAsync(cancellationToken)).Content.ReadAsStreamAsync(cancellationToken);
        var header = new byte[5];
        var read = await _body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return default;
        }

        if (read < header.Length || header[0] != 0)
        {
            throw new InvalidDataException("Truncated or compressed response message.");
        }

        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        await _body.ReadExactlyAsync(payload, cancellationToken);
        return parser.ParseFrom(payload);
    }

    /// <summary>The grpc-status, once the response stream was read to its end (or the response was trailers-only).</summary>
    public async Task<int?> GetStatusAsync()
    {
        var response = await _response;
        var value = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.First()
            : response.Headers.TryGetValues("grpc-status", out var header) ? header.First()
            : null;
        return value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        if (_response.IsCompletedSuccessfully)
        {
            _response.Result.Dispose();
        }

        _request.Dispose();
        await Task.CompletedTask;
    }

    private sealed class ChannelContent(ChannelReader<byte[]> messages) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Flush first so HEADERS go out before any message, as a real streaming client does.
            await stream.FlushAsync();
            await foreach (var message in messages.ReadAllAsync())
            {
                await stream.WriteAsync(message);
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
