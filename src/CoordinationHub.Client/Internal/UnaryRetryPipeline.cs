using CoordinationHub.Rpc;
using Google.Protobuf;
using Polly;
using Polly.Retry;

namespace CoordinationHub.Client.Internal;

/// <summary>
/// The Polly pipeline of unary calls, built once per connection: outside, one repetition after the
/// hub refused the token; inside, UNAVAILABLE retried with exponential backoff and jitter when the
/// call is safe to repeat. Per-call facts travel in the <see cref="ResilienceContext"/>. Delays are
/// cut at the call's deadline, and no attempt starts after it.
/// </summary>
internal static class UnaryRetryPipeline
{
    private static readonly ResiliencePropertyKey<IUnaryAttempt?> Attempt = new("coordination-hub.attempt");

    public static ResiliencePipeline Create(HubRetryOptions retries)
    {
        retries.Validate();
        var builder = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            Name = "token-refresh",
            MaxRetryAttempts = 1,
            Delay = TimeSpan.Zero,
            ShouldHandle = args => ValueTask.FromResult(
                Status(args.Outcome.Exception) == StatusCode.Unauthenticated
                && args.Context.Properties.GetValue(Attempt, null) is { TokenRefused: true } attempt
                && attempt.BeforeDeadline()),
        });
        if (retries.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "unavailable",
                MaxRetryAttempts = retries.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retries.InitialDelay,
                MaxDelay = retries.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    Status(args.Outcome.Exception) == StatusCode.Unavailable
                    && args.Context.Properties.GetValue(Attempt, null) is { SafeToRepeat: true } attempt
                    && attempt.BeforeDeadline()),
            });
        }

        return builder.Build();
    }

    public static async Task<TResponse> ExecuteAsync<TResponse>(ResiliencePipeline pipeline, UnaryAttempt<TResponse> attempt)
        where TResponse : class, IMessage<TResponse>
    {
        var callerToken = attempt.Options.CancellationToken;
        // The pipeline's token ends its delays: at the caller's cancellation or at the deadline.
        using var delays = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        if (attempt.Options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            delays.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }

        var context = ResilienceContextPool.Shared.Get(delays.Token);
        context.Properties.Set(Attempt, attempt);
        try
        {
            return await pipeline.ExecuteAsync(static (_, attempt) => attempt.RunAsync(), context, attempt).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            var last = attempt.LastError is { } error ? $" after {error.StatusCode}: {error.Status.Detail}" : string.Empty;
            throw new RpcException(new RpcStatus(StatusCode.DeadlineExceeded, "deadline exceeded while waiting to retry" + last), ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new RpcException(new RpcStatus(StatusCode.Cancelled, "call cancelled while waiting to retry."), ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static StatusCode? Status(Exception? exception) => (exception as RpcException)?.StatusCode;
}
