using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace CoordinationHub.Bench.KestrelCeiling;

/// <summary>
/// Answers every call with the same pre-serialized response: the work any gRPC server must do at the
/// HTTP/2 level (drain the request, send headers, one DATA frame, trailers) and nothing else.
/// </summary>
public sealed class UnaryCallEndpoint(byte[] framedResponse)
{
    public const string Path = "/grpc.testing.TestService/UnaryCall";

    public async Task HandleAsync(HttpContext context)
    {
        await DrainAsync(context.Request.BodyReader, context.RequestAborted);

        // The same headers, in the same order, as HttpServerCallContext.PrepareHeaders.
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-accept-encoding"] = "identity,gzip,deflate";

        // Written without a flush, as UnaryCallHandler does: Kestrel sends it with the trailers.
        response.BodyWriter.Write(framedResponse);
        response.AppendTrailer("grpc-status", "0");
    }

    private static async Task DrainAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }
}
