using CoordinationHub.Rpc.Server;
using Grpc.Health.V1;

namespace CoordinationHub.Rpc.Health;

/// <summary>
/// <c>grpc.health.v1.Health</c> over a <see cref="HealthStatusRegistry"/>: what load balancers, Kubernetes
/// gRPC probes and <c>grpc_health_probe</c> ask.
/// </summary>
/// <param name="statuses">The statuses to report.</param>
public sealed class HealthService(HealthStatusRegistry statuses) : IRpcService<HealthService>
{
    /// <inheritdoc />
    public static void BindMethods(RpcServiceBinder<HealthService> binder)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder
            .AddUnary(HealthServiceMethods.Check, (service, request, context) => service.Check(request, context))
            .AddServerStreaming(HealthServiceMethods.Watch, (service, request, responses, context) => service.Watch(request, responses, context));
    }

    /// <summary>Answers the status of <c>request.service</c> (the server's for <c>""</c>); NOT_FOUND when it has none.</summary>
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!statuses.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(StatusCode.NotFound, "Unknown service.");
        }

        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    /// <summary>
    /// Sends the status of <c>request.service</c> at once (SERVICE_UNKNOWN when it has none), then every change,
    /// until the client cancels, the deadline passes or the server shuts down.
    /// </summary>
    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(context);
        using var watch = statuses.Watch(request.Service);
        HealthCheckResponse.Types.ServingStatus? sent = null;
        try
        {
            await foreach (var status in watch.Statuses.ReadAllAsync(context.CancellationToken))
            {
                // A status that went away and came back while we were writing is no change to the watcher.
                if (status == sent)
                {
                    continue;
                }

                await responses.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken);
                sent = status;
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Cancellation is how a watch normally ends; the transport reports the call's status (CANCELLED or
            // DEADLINE_EXCEEDED) by itself, so there is nothing to add here.
        }
    }
}
