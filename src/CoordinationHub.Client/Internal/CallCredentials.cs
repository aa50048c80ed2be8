using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;

namespace CoordinationHub.Client.Internal;

/// <summary>Attaches the agency's token and the acting officer to a call's headers.</summary>
internal sealed class CallCredentials(HubTokenClient tokens, string? officerId)
{
    private const string BearerPrefix = "Bearer ";

    public HubTokenClient Tokens => tokens;

    /// <summary>
    /// <paramref name="options"/> with the credentials added, and the token used. The token request
    /// honours the call's cancellation token and deadline: a token that cannot be had in time fails
    /// as DEADLINE_EXCEEDED, as the call would.
    /// </summary>
    public async Task<(CallOptions Options, string Token)> AttachAsync(CallOptions options)
    {
        var token = await GetTokenWithinAsync(options).ConfigureAwait(false);
        var headers = new Metadata();
        foreach (var entry in options.Headers ?? [])
        {
            headers.Add(entry);
        }

        headers.Add("authorization", BearerPrefix + token);
        if (officerId is not null && headers.GetValue(HubConnection.OfficerHeader) is null)
        {
            headers.Add(HubConnection.OfficerHeader, officerId);
        }

        return (options with { Headers = headers }, token);
    }

    private async Task<string> GetTokenWithinAsync(CallOptions options)
    {
        if (options.Deadline is not { } deadline || deadline == DateTime.MaxValue)
        {
            return await tokens.GetTokenAsync(options.CancellationToken).ConfigureAwait(false);
        }

        using var withinDeadline = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
        withinDeadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        try
        {
            return await tokens.GetTokenAsync(withinDeadline.Token).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && !options.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new RpcStatus(StatusCode.DeadlineExceeded, "deadline exceeded while fetching an access token."), ex);
        }
    }
}
