using CoordinationHub.Cli.Connection;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace CoordinationHub.Cli.Reflection;

/// <summary>
/// One grpc.reflection.v1 stream, asked one question at a time. The protocol answers each request
/// with exactly one response on the same stream, so a whole listing costs one call.
/// </summary>
internal sealed class ServerReflectionSession : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> _call;
    private readonly IAsyncEnumerator<ServerReflectionResponse> _responses;
    private readonly CancellationToken _cancellationToken;

    private ServerReflectionSession(HubConnection hub, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _call = hub.Channel.AsyncDuplexStreamingCall(ServerReflectionV1Methods.ServerReflectionInfo, hub.CallOptions(cancellationToken));
        _responses = _call.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    public static ServerReflectionSession Open(HubConnection hub, CancellationToken cancellationToken) => new(hub, cancellationToken);

    /// <summary>The fully-qualified names of the services the hub serves.</summary>
    public async Task<IReadOnlyList<string>> ListServicesAsync()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = string.Empty }).ConfigureAwait(false);
        return [.. response.ListServicesResponse.Service.Select(s => s.Name)];
    }

    /// <summary>The file that defines <paramref name="symbol"/>, with whichever of its imports the server sent along.</summary>
    public async Task<IReadOnlyList<FileDescriptorProto>> FileContainingSymbolAsync(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol }).ConfigureAwait(false);
        return [.. response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom)];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
            // Drain to the trailers so the call ends with OK rather than as a reset stream.
            while (await _responses.MoveNextAsync().ConfigureAwait(false))
            {
            }
        }
        catch (RpcException)
        {
            // Already reported by the question that failed, or irrelevant once the answers are in.
        }
        finally
        {
            await _responses.DisposeAsync().ConfigureAwait(false);
            _call.Dispose();
        }
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        await _call.RequestStream.WriteAsync(request, _cancellationToken).ConfigureAwait(false);
        if (!await _responses.MoveNextAsync().ConfigureAwait(false))
        {
            throw new RpcException(StatusCode.Internal, $"The reflection stream ended without answering {request.MessageRequestCase}.");
        }

        var response = _responses.Current;
        if (response.MessageResponseCase == ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse)
        {
            throw new RpcException((StatusCode)response.ErrorResponse.ErrorCode, response.ErrorResponse.ErrorMessage);
        }

        return response;
    }
}
