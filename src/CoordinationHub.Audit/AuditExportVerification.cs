using System.Security.Cryptography;

namespace CoordinationHub.Audit;

/// <summary>
/// Offline verification of an export file with the hub's public key: what <c>hubctl audit verify</c>
/// runs. Two passes over the file (checkpoints, then entries), so memory stays constant whatever
/// the order of the lines.
/// </summary>
public static class AuditExportVerification
{
    public static async Task<AuditVerificationResult> VerifyFileAsync(string path, ECDsa? publicKey, CancellationToken cancellationToken)
    {
        AuditChainVerifier verifier;
        using (var reader = Open(path))
        {
            var header = await AuditExportReader.ReadHeaderAsync(reader, cancellationToken).ConfigureAwait(false);
            verifier = new AuditChainVerifier(publicKey, header.FromSeq);
            await foreach (var item in AuditExportReader.ReadItemsAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                if (item is AuditCheckpoint checkpoint)
                {
                    verifier.AddCheckpoint(checkpoint);
                }
            }
        }

        using (var reader = Open(path))
        {
            await AuditExportReader.ReadHeaderAsync(reader, cancellationToken).ConfigureAwait(false);
            await foreach (var item in AuditExportReader.ReadItemsAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                if (item is ChainedAuditEntry entry)
                {
                    verifier.AddEntry(entry);
                }
            }
        }

        return verifier.Complete();
    }

    /// <summary>Reads the hub's published checkpoint key (<c>/.well-known/audit-key.pem</c>).</summary>
    public static ECDsa ReadPublicKeyPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static StreamReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
}
