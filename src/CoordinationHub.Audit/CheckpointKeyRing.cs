using System.Security.Cryptography;

namespace CoordinationHub.Audit;

/// <summary>
/// The checkpoint public keys a verifier trusts, by key id: the hub's current key and every key it
/// signed with before a rotation. A checkpoint names its key (<see cref="AuditCheckpoint.KeyId"/>,
/// not signed: it only selects), so a log that spans a rotation verifies in one pass, and a
/// checkpoint whose key is not in the ring is reported as such rather than as a bad signature.
/// </summary>
public sealed class CheckpointKeyRing : IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys;
    private readonly bool _ownsKeys;

    private CheckpointKeyRing(Dictionary<string, ECDsa> keys, IReadOnlyList<string> keyIds, bool ownsKeys)
    {
        _keys = keys;
        KeyIds = keyIds;
        _ownsKeys = ownsKeys;
    }

    /// <summary>The trusted key ids, in the order given (the hub's current key first).</summary>
    public IReadOnlyList<string> KeyIds { get; }

    /// <summary>A ring over keys the caller keeps owning (private keys verify as well as their public halves).</summary>
    public static CheckpointKeyRing Of(params ECDsa[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Build(keys, ownsKeys: false);
    }

    /// <summary>
    /// Every public key in <paramref name="pem"/>: one key as <c>/.well-known/audit-key.pem</c>
    /// serves it, or the bundle of <c>/.well-known/audit-keys.pem</c> (current key first).
    /// </summary>
    /// <exception cref="ArgumentException">The text holds no PEM public key, or one that is not an EC key.</exception>
    public static CheckpointKeyRing FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var keys = new List<ECDsa>();
        try
        {
            var rest = pem.AsMemory();
            while (PemEncoding.TryFind(rest.Span, out var fields))
            {
                // The ranges are relative to the text searched, which moves past each block.
                var isPublicKey = rest.Span[fields.Label].SequenceEqual("PUBLIC KEY");
                var block = rest[fields.Location];
                rest = rest[fields.Location.End..];
                if (!isPublicKey)
                {
                    continue;
                }

                var key = ECDsa.Create();
                keys.Add(key);
                key.ImportFromPem(block.Span);
            }

            return keys.Count == 0 ? throw new ArgumentException("no PEM public key found.", nameof(pem)) : Build(keys, ownsKeys: true);
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }
    }

    /// <summary>True when <paramref name="checkpoint"/> verifies with the key it names; otherwise why not.</summary>
    public bool Verify(AuditCheckpoint checkpoint, out string problem)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!_keys.TryGetValue(checkpoint.KeyId, out var key))
        {
            problem = $"checkpoint signed at {checkpoint.SignedAt:O} with key {checkpoint.KeyId}, which is not one of the {KeyIds.Count} trusted keys ({string.Join(", ", KeyIds)})";
            return false;
        }

        if (!CheckpointSignature.Verify(key, checkpoint))
        {
            problem = $"checkpoint signed at {checkpoint.SignedAt:O} does not verify with key {checkpoint.KeyId}";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    public void Dispose()
    {
        if (_ownsKeys)
        {
            foreach (var key in _keys.Values)
            {
                key.Dispose();
            }
        }
    }

    private static CheckpointKeyRing Build(IEnumerable<ECDsa> keys, bool ownsKeys)
    {
        var byId = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var key in keys)
        {
            var id = CheckpointSignature.KeyIdOf(key);
            if (byId.TryAdd(id, key))
            {
                ids.Add(id);
            }
            else if (ownsKeys)
            {
                key.Dispose();
            }
        }

        return new CheckpointKeyRing(byId, ids, ownsKeys);
    }
}
