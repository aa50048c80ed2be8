using System.Collections.Concurrent;

namespace CoordinationHub.Samples.CsvImporter.Import;

/// <summary>
/// The counts of one import, updated concurrently by the calls in flight. <see cref="Flagged"/>
/// overlaps the others: a row created or attached in this run that the hub flagged as a possible
/// duplicate of another case (for review, never merged silently).
/// </summary>
public sealed class ImportSummary
{
    private readonly ConcurrentBag<RowFailure> _failures = [];
    private int _created;
    private int _attached;
    private int _replayed;
    private int _flagged;
    private int _notAttempted;
    private string? _stoppedBecause;

    public int Created => Volatile.Read(ref _created);

    public int Attached => Volatile.Read(ref _attached);

    public int Replayed => Volatile.Read(ref _replayed);

    public int Flagged => Volatile.Read(ref _flagged);

    public int Failed => _failures.Count;

    public int NotAttempted => Volatile.Read(ref _notAttempted);

    /// <summary>Why the import stopped early, or null when every row was attempted.</summary>
    public string? StoppedBecause => Volatile.Read(ref _stoppedBecause);

    /// <summary>The rows not imported, by line.</summary>
    public IReadOnlyList<RowFailure> Failures => [.. _failures.OrderBy(f => f.Line)];

    internal void Count(RowOutcome outcome, bool flagged)
    {
        switch (outcome)
        {
            case RowOutcome.Created: Interlocked.Increment(ref _created); break;
            case RowOutcome.Attached: Interlocked.Increment(ref _attached); break;
            case RowOutcome.Replayed: Interlocked.Increment(ref _replayed); break;
            case RowOutcome.NotAttempted: Interlocked.Increment(ref _notAttempted); break;
            default: throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "failures are counted with Fail");
        }

        if (flagged)
        {
            Interlocked.Increment(ref _flagged);
        }
    }

    internal void Fail(RowFailure failure) => _failures.Add(failure);

    /// <summary>Records the first reason to stop; later ones are consequences of it.</summary>
    internal void Stop(string reason) => Interlocked.CompareExchange(ref _stoppedBecause, reason, null);
}
