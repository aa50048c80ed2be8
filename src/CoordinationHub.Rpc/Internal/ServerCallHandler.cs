using Microsoft.AspNetCore.Http;

namespace CoordinationHub.Rpc.Internal;

/// <summary>Serves one bound method: validates the request, runs the call, writes the status.</summary>
internal abstract class ServerCallHandler
{
    protected ServerCallHandler(IMethod method) => Method = method;

    public IMethod Method { get; }

    public abstract Task HandleCallAsync(HttpContext httpContext);
}
