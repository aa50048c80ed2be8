namespace CoordinationHub.Audit;

/// <summary>
/// Offline verification of an export file with the hub's public keys: what <c>hubctl audit verify</c>
/// runs. Two passes over the file (checkpoints, then entries), so memory stays constant whatever
/// the order of the lines.
/// </summary>
public static class AuditExportVerification
{
    public static async Task<AuditVerificationResult> VerifyFileAsync(string path, CheckpointKeyRing? keys, CancellationToken cancellationToken)
    {
        AuditChainVerifier verifier;
        using (var reader = Open(path))
        {
            var header = await AuditExportReader.ReadHeaderAsync(reader, cancellationToken).ConfigureAwait(false);
            verifier = new AuditChainVerifier(keys, header.FromSeq);
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

    private static StreamReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
}
