using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using CoordinationHub.Rpc.Internal;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>Hand-made gRPC at the HTTP level, for the handlers of <see cref="RawHttp2ServerFixture"/>.</summary>
public static class RawGrpc
{
    /// <summary>A length-prefixed message, compressed with <paramref name="encoding"/> unless null.</summary>
    public static byte[] Frame(IMessage message, string? encoding = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.WriteMessage(buffer, message, int.MaxValue, encoding);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A frame with exactly the given flag, declared length and payload bytes.</summary>
    public static byte[] RawFrame(byte flag, uint declaredLength, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[GrpcProtocol.HeaderSize + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength);
        payload.CopyTo(frame.AsSpan(GrpcProtocol.HeaderSize));
        return frame;
    }

    /// <summary>Sends the response HEADERS (200, application/grpc) at once.</summary>
    public static async Task StartAsync(HttpContext context, string? encoding = null)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = GrpcProtocol.ContentType;
        if (encoding is not null)
        {
            context.Response.Headers[GrpcProtocol.EncodingHeader] = encoding;
        }

        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public static async Task WriteAsync(HttpContext context, byte[] frame)
    {
        await context.Response.Body.WriteAsync(frame, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public static void AppendStatusTrailers(HttpContext context, StatusCode code, string? message = null)
    {
        context.Response.AppendTrailer(GrpcProtocol.StatusHeader, ((int)code).ToString(CultureInfo.InvariantCulture));
        if (message is not null)
        {
            context.Response.AppendTrailer(GrpcProtocol.MessageHeader, PercentEncoding.Encode(message));
        }
    }

    /// <summary>Makes the response trailers-only: one HEADERS frame with the status and END_STREAM.</summary>
    public static void SetTrailersOnly(HttpContext context, StatusCode code, string? message = null)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = GrpcProtocol.ContentType;
        context.Response.Headers[GrpcProtocol.StatusHeader] = ((int)code).ToString(CultureInfo.InvariantCulture);
        if (message is not null)
        {
            context.Response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(message);
        }
    }

    /// <summary>Reads one request message, decompressing with the request's grpc-encoding.</summary>
    public static ValueTask<T?> ReadAsync<T>(HttpContext context, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var encoding = context.Request.Headers[GrpcProtocol.EncodingHeader].ToString();
        return MessageFraming.ReadMessageAsync(
            context.Request.BodyReader, parser, int.MaxValue, encoding.Length == 0 ? null : encoding, context.RequestAborted);
    }

    /// <summary>The whole request body as it came over the wire.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }

    /// <summary>Completes when the client resets the stream or the connection drops.</summary>
    public static Task WaitForAbortAsync(HttpContext context)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.RequestAborted.Register(() => aborted.TrySetResult());
        return aborted.Task;
    }
}
