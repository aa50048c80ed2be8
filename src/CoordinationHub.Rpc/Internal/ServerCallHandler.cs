using CoordinationHub.Rpc.Server;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// Serves one bound method: validates the request, arms the deadline, runs the interceptors and the
/// service method, and turns every outcome into exactly one gRPC status.
/// </summary>
internal abstract class ServerCallHandler
{
    private const string LoggerCategory = "CoordinationHub.Rpc.Server";

    // Singletons of the host, resolved on the first call rather than on every call: the hot path
    // then allocates nothing for them (measured in docs/benchmarks.md).
    private HostServices? _host;
    private bool? _serviceNeedsScope;

    protected ServerCallHandler(IMethod method) => Method = method;

    public IMethod Method { get; }

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        var host = _host ??= HostServices.Resolve(httpContext.RequestServices);
        var logger = host.Logger;
        if (!RequestValidation.TryAccept(httpContext, logger, out var requestEncoding))
        {
            return;
        }

        // Message size is enforced per message on the length prefix; Kestrel's whole-body limits and
        // minimum data rate would cut long-lived streams that are idle by design.
        var bodySize = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = null;
        }

        var dataRate = httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>();
        if (dataRate is not null)
        {
            dataRate.MinDataRate = null;
        }

        var call = new HttpServerCallContext(httpContext, Method, host.Options, requestEncoding, logger);
        try
        {
            call.StartDeadline(host.Time);
            await RunToCompletionAsync(call, host.Interceptors, logger).ConfigureAwait(false);
            await call.DeadlineHandled.ConfigureAwait(false);
        }
        finally
        {
            call.Dispose();
        }
    }

    private async Task RunToCompletionAsync(HttpServerCallContext call, IServerCallInterceptor[] interceptors, ILogger logger)
    {
        try
        {
            await RunAsync(call, interceptors, 0).ConfigureAwait(false);
            await call.CompleteAsync(RpcStatus.Ok).ConfigureAwait(false);
        }
        catch (RpcException exception) when (!call.IsCompleted)
        {
            foreach (var entry in exception.Trailers)
            {
                call.ResponseTrailers.Add(entry);
            }

            RpcServerLog.CallFailed(logger, call.CallId, Method.FullName, exception.StatusCode, exception.Status.Detail);
            await call.CompleteAsync(exception.Status).ConfigureAwait(false);
        }
        catch (Exception) when (call.DeadlineExceeded)
        {
            // DEADLINE_EXCEEDED was already sent; whatever the handler threw while unwinding is moot.
        }
        catch (Exception) when (call.HttpContext.RequestAborted.IsCancellationRequested)
        {
            RpcServerLog.CancelledByClient(logger, call.CallId, Method.FullName);
        }
        catch (Exception exception) when (!call.IsCompleted)
        {
            RpcServerLog.UnhandledException(logger, call.CallId, Method.FullName, exception);
            await call.CompleteAsync(new RpcStatus(StatusCode.Internal,
                $"Exception was thrown by the handler. Call id: {call.CallId}.")).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the request(s), invokes the service method and writes its response(s).</summary>
    protected abstract Task InvokeAsync(HttpServerCallContext call);

    /// <summary>
    /// The service instance for this call: from the call's scope when the type is registered or its
    /// constructor takes services, otherwise built directly, so the call needs no scope at all.
    /// </summary>
    protected TService ResolveService<TService>(HttpServerCallContext call)
        where TService : class
    {
        // Decided on the first call, per handler: each host has its own registrations.
        var needsScope = _serviceNeedsScope ??= ServiceFactory<TService>.TakesServices
            || _host!.IsService?.IsService(typeof(TService)) != false;
        return needsScope
            ? call.Services.GetService<TService>() ?? ServiceFactory<TService>.Create(call.Services)
            : ServiceFactory<TService>.Create(NoServices.Instance);
    }

    /// <summary>Reads exactly one request message, as unary and server-streaming calls require.</summary>
    protected static async ValueTask<TRequest> ReadSingleRequestAsync<TRequest>(HttpServerCallContext call, MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest>
    {
        var request = await call.ReadRequestAsync(parser).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The request ended without a message.");
        if (await call.ReadRequestAsync(parser).ConfigureAwait(false) is not null)
        {
            throw new RpcException(StatusCode.Internal, "The request carried more than one message for a method that takes one.");
        }

        return request;
    }

    /// <summary>The request messages of a client-streaming or duplex call, as they arrive.</summary>
    protected static async IAsyncEnumerable<TRequest> ReadRequestStreamAsync<TRequest>(
        HttpServerCallContext call, MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest>
    {
        while (await call.ReadRequestAsync(parser).ConfigureAwait(false) is { } request)
        {
            yield return request;
        }
    }

    // The lambda lives in its own method: captured parameters make the compiler allocate the closure
    // on entry to the method that declares them, so a shared method would allocate it on every call,
    // interceptors or not.
    private Task RunAsync(HttpServerCallContext call, IServerCallInterceptor[] interceptors, int index) =>
        index == interceptors.Length ? InvokeAsync(call) : InterceptAsync(call, interceptors, index);

    private Task InterceptAsync(HttpServerCallContext call, IServerCallInterceptor[] interceptors, int index) =>
        interceptors[index].InterceptAsync(call, _ => RunAsync(call, interceptors, index + 1));

    private sealed record HostServices(
        ILogger Logger, RpcServerOptions Options, TimeProvider Time, IServerCallInterceptor[] Interceptors, IServiceProviderIsService? IsService)
    {
        public static HostServices Resolve(IServiceProvider services) => new(
            services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory),
            services.GetRequiredService<IOptions<RpcServerOptions>>().Value,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            [.. services.GetServices<IServerCallInterceptor>()],
            services.GetService<IServiceProviderIsService>());
    }

    /// <summary>Builds unregistered service types from the call's scope with a compiled, cached constructor call.</summary>
    private static class ServiceFactory<TService>
        where TService : class
    {
        private static readonly ObjectFactory Factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);

        /// <summary>False when the only public constructor is parameterless: building one needs no provider.</summary>
        public static readonly bool TakesServices =
            typeof(TService).GetConstructors() is not [{ } constructor] || constructor.GetParameters().Length != 0;

        public static TService Create(IServiceProvider services) => (TService)Factory(services, null);
    }

    /// <summary>The provider handed to parameterless constructors, which never ask it for anything.</summary>
    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
