using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// The checks a request must pass before it is a gRPC call, in the order mature servers apply them:
/// content-type (HTTP 415), protocol (HTTP 426), verb (HTTP 405), then the message encoding
/// (UNIMPLEMENTED, naming the encodings we do accept).
/// </summary>
internal static class RequestValidation
{
    public static bool TryAccept(HttpContext http, ILogger logger, out string? requestEncoding)
    {
        requestEncoding = null;
        var request = http.Request;
        var response = http.Response;
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            Reject(http, logger, StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{request.ContentType}' is not supported; use '{GrpcProtocol.ContentType}'.");
            return false;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            response.Headers.Connection = "close";
            Reject(http, logger, StatusCodes.Status426UpgradeRequired,
                $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.");
            return false;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            Reject(http, logger, StatusCodes.Status405MethodNotAllowed, $"HTTP method '{request.Method}' is not supported; use POST.");
            return false;
        }

        var encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length == 0 || encoding.Equals(GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!MessageCompression.IsSupported(encoding))
        {
            var detail = $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {MessageCompression.AcceptEncodingValue}.";
            RpcServerLog.RequestRejected(logger, request.Path, detail);
            response.Headers[GrpcProtocol.AcceptEncodingHeader] = MessageCompression.AcceptEncodingValue;
            TrailersOnlyResponse.Write(response, new RpcStatus(StatusCode.Unimplemented, detail));
            return false;
        }

        requestEncoding = encoding;
        return true;
    }

    private static void Reject(HttpContext http, ILogger logger, int httpStatus, string detail)
    {
        RpcServerLog.RequestRejected(logger, http.Request.Path, detail);
        var response = http.Response;
        response.StatusCode = httpStatus;
        response.Headers[GrpcProtocol.StatusHeader] = ((int)StatusCode.Internal).ToString(CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(detail);
    }
}
