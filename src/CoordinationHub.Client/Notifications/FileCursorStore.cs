using System.Globalization;
using System.Text;

namespace CoordinationHub.Client.Notifications;

/// <summary>
/// Keeps each agency's cursor in its own small file, <c>notifications-&lt;agency&gt;.cursor</c>, in a
/// directory. A save writes a temporary file, flushes it to disk and renames it over the old one,
/// so a crash leaves either the old cursor or the new one, never a torn file.
/// </summary>
public sealed class FileCursorStore : INotificationCursorStore
{
    private readonly string _directory;

    /// <summary>Keeps cursors in <paramref name="directory"/>, which is created when missing.</summary>
    public FileCursorStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Directory.CreateDirectory(directory).FullName;
    }

    /// <summary>The file that holds <paramref name="agencyId"/>'s cursor.</summary>
    public string PathFor(string agencyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(agencyId);
        if (agencyId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || agencyId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{agencyId}' cannot name a file.", nameof(agencyId));
        }

        return Path.Combine(_directory, $"notifications-{agencyId}.cursor");
    }

    /// <inheritdoc />
    public async ValueTask<long?> LoadAsync(string agencyId, CancellationToken cancellationToken)
    {
        var path = PathFor(agencyId);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new InvalidDataException($"The cursor file '{path}' does not hold a sequence number.");
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(string agencyId, long sequence, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var path = PathFor(agencyId);
        var temporary = path + ".tmp";
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64, FileOptions.Asynchronous | FileOptions.WriteThrough);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
            // Durable (write-through) before it replaces the old cursor: a rename of unflushed data can
            // leave an empty file after a power cut.
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
