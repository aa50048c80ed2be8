using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CoordinationHub.Audit;

namespace CoordinationHub.Bench.Audit;

/// <summary>
/// The offline verifier (what <c>hubctl audit verify</c> runs) on a generated export of realistic
/// entries over 16 chains with a checkpoint every 1,000 entries: parse + hash + link + signatures,
/// and the chain checks alone on entries already in memory.
/// </summary>
public static class VerificationSpeed
{
    public static async Task RunAsync(int count)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(Path.GetTempPath(), $"hub-bench-export-{Guid.NewGuid():N}.jsonl");
        var entries = new List<ChainedAuditEntry>(count);
        var checkpoints = new List<AuditCheckpoint>();
        var heads = new (long Seq, ReadOnlyMemory<byte> Hash)[16];
        Array.Fill(heads, (0L, AuditEntryEncoding.GenesisHash));
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var chain = i % 16;
            var entry = new ChainedAuditEntry
            {
                Chain = chain, Seq = heads[chain].Seq + 1, OccurredAt = start.AddMilliseconds(i * 7),
                AgencyId = "forensic-dna-lab", CertificateThumbprint = "9f2c4d5e6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f", Officer = "dr-salem",
                Method = "/coordination.v1.CasesService/GetCase", Target = "case:HUB-2026-004211", CaseId = "HUB-2026-004211",
                Purpose = "identification", Decision = "allowed", Basis = "consent:C-2026-0193", Reason = "case view",
                CategoriesDisclosed = ["genetic", "identity"], CategoriesWithheld = ["investigation"], RequestId = "", CallId = $"0HN8Q{i:D10}",
                PrevHash = heads[chain].Hash,
            };
            entry = entry with { Hash = AuditEntryEncoding.ComputeHash(entry) };
            heads[chain] = (entry.Seq, entry.Hash);
            entries.Add(entry);
            if (entry.Seq % 1000 == 0)
            {
                checkpoints.Add(CheckpointSignature.Sign(key, chain, entry.Seq, entry.Hash, start.AddMilliseconds(i * 7)));
            }
        }

        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        await using (var writer = new AuditExportWriter(stream))
        {
            await writer.WriteHeaderAsync(new AuditExportHeader { Hub = "bench", ExportedAt = DateTimeOffset.UtcNow, KeyId = CheckpointSignature.KeyIdOf(key) }, CancellationToken.None);
            foreach (var checkpoint in checkpoints)
            {
                await writer.WriteCheckpointAsync(checkpoint, CancellationToken.None);
            }

            foreach (var entry in entries.OrderBy(e => e.Chain).ThenBy(e => e.Seq))
            {
                await writer.WriteEntryAsync(entry, CancellationToken.None);
            }
        }

        var size = new FileInfo(path).Length;
        using var keys = CheckpointKeyRing.Of(key);
        var clock = Stopwatch.StartNew();
        var offline = await AuditExportVerification.VerifyFileAsync(path, keys, CancellationToken.None);
        var offlineTime = clock.Elapsed;

        clock.Restart();
        var verifier = new AuditChainVerifier(keys);
        checkpoints.ForEach(verifier.AddCheckpoint);
        entries.ForEach(verifier.AddEntry);
        var inMemory = verifier.Complete();
        var inMemoryTime = clock.Elapsed;
        File.Delete(path);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} entries on 16 chains, {checkpoints.Count} checkpoints, export {size / 1e6:F0} MB"));
        Console.WriteLine("| what | seconds | entries/minute | valid |");
        Console.WriteLine("| --- | ---: | ---: | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| offline verify of the export file (read, parse, hash, link, signatures) | {offlineTime.TotalSeconds:F2} | {count / offlineTime.TotalMinutes:N0} | {offline.Succeeded} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| chain checks on entries in memory (hash, link, signatures) | {inMemoryTime.TotalSeconds:F2} | {count / inMemoryTime.TotalMinutes:N0} | {inMemory.Succeeded} |"));
        Console.WriteLine("target: > 1,000,000 entries/minute");
    }
}
