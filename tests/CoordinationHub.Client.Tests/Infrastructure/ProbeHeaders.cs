using System.Globalization;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;

namespace CoordinationHub.Client.Tests.Infrastructure;

/// <summary>Call options that ask the <see cref="CallProbe"/> to count a call and misbehave on its first attempts.</summary>
internal static class ProbeHeaders
{
    public static CallOptions For(string key, int unavailable = 0, int unauthenticated = 0, int delayMs = 0, DateTime? deadline = null)
    {
        var headers = new Metadata().Add(CallProbe.KeyHeader, key);
        foreach (var (name, value) in new[] { (CallProbe.UnavailableHeader, unavailable), (CallProbe.UnauthenticatedHeader, unauthenticated), (CallProbe.DelayHeader, delayMs) })
        {
            if (value > 0)
            {
                headers.Add(name, value.ToString(CultureInfo.InvariantCulture));
            }
        }

        return new CallOptions { Headers = headers, Deadline = deadline };
    }
}
