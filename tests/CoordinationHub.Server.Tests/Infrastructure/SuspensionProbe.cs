using System.Diagnostics;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Infrastructure;

/// <summary>
/// Calls GetHubInfo in a loop after a change until the hub refuses, recording when each admitted
/// call started. The guarantee under test is "no call that starts more than 1 s after the change
/// is admitted"; measuring call starts, not the refusal's arrival, keeps the check exact on a
/// loaded machine where one call may take longer than the bound itself.
/// </summary>
public static class SuspensionProbe
{
    public static async Task<(RpcException Refusal, TimeSpan LastAdmittedStart)> CallUntilRefusedAsync(RpcChannel channel, string token, TimeSpan giveUpAfter)
    {
        var sinceChange = Stopwatch.StartNew();
        var lastAdmittedStart = TimeSpan.Zero;
        while (sinceChange.Elapsed < giveUpAfter)
        {
            var startedAt = sinceChange.Elapsed;
            try
            {
                await HubClient.GetHubInfoAsync(channel, token);
                lastAdmittedStart = startedAt;
                await Task.Delay(20);
            }
            catch (RpcException refusal)
            {
                return (refusal, lastAdmittedStart);
            }
        }

        throw new TimeoutException($"The hub still admitted calls {giveUpAfter} after the change.");
    }
}
