using System.Security.Cryptography;
using System.Text;
using CoordinationHub.Client;
using CoordinationHub.Client.Notifications;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;

namespace CoordinationHub.Samples.LabAdapter;

/// <summary>
/// What a forensic laboratory's system does with the hub: report that a sample matched a case, and
/// hear what happens next (referrals sent to it, the second authority's review of its match).
/// </summary>
public static class LabAdapter
{
    /// <summary>Reports the identification, then prints notifications until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <returns>0 when stopped, 1 when the hub refused (the status is printed).</returns>
    public static async Task<int> RunAsync(LabAdapterOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var builder = HubConnection.ForAddress(options.Hub).WithClientCertificatePem(options.CertificatePath, options.KeyPath);
        if (options.TrustedRootsPath is { } roots)
        {
            builder.WithTrustedRootsPem(roots);
        }

        if (options.OfficerId is { } officer)
        {
            builder.WithOfficer(officer);
        }

        using var hub = builder.Build();
        try
        {
            // The request_id is derived from what is reported, so a re-run (after a crash, or by
            // an operator in doubt) returns the first identification instead of posting a second.
            var identification = await hub.Identifications.ReportIdentificationAsync(new ReportIdentificationRequest
            {
                RequestId = RequestIdFor(options),
                CaseId = options.CaseId,
                Site = options.Site,
                SampleReference = options.SampleReference,
                Method = IdentificationMethod.DnaKinship,
                MatchedPerson = MatchedPerson.Deceased,
            }, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"reported identification {identification.IdentificationId} on {identification.CaseId}: {identification.State}").ConfigureAwait(false);

            var cursors = new FileCursorStore(options.CursorDirectory);
            await hub.Notifications.SubscribeResumingAsync(cursors, (notification, _) => new ValueTask(output.WriteLineAsync(Describe(notification))), cancellationToken)
                .ConfigureAwait(false);
            return 0;
        }
        catch (RpcException refused) when (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"the hub refused: {refused.StatusCode}: {refused.Status.Detail}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <summary>One line per notification: its sequence, what happened, on which case, and the referral or identification it is about.</summary>
    public static string Describe(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var about = notification.Referral is { } referral ? $" referral {referral.ReferralId} ({referral.State})"
            : notification.Identification is { } identification ? $" identification {identification.IdentificationId} ({identification.State})"
            : string.Empty;
        return $"#{notification.Sequence} {notification.Kind} case {notification.CaseId}{about}: {notification.Summary}";
    }

    private static string RequestIdFor(LabAdapterOptions options)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{options.CaseId}\n{options.SampleReference}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("N");
    }
}
