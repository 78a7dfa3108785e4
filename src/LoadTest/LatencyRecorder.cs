using System.Collections.Concurrent;

namespace Grid.LoadTest;

/// <summary>Every HTTP call's operation, status and latency, and what its answer meant (e.g. offered or queued); thread-safe.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, OperationSamples> _operations = new();
    private long _dropped;

    /// <summary>Scheduled operations never started because too many were in flight; each is an error of the run.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Drop() => Interlocked.Increment(ref _dropped);

    /// <summary>Forgets every sample (after a warm-up, so the figures cover only the measured window).</summary>
    public void Reset()
    {
        _operations.Clear();
        Interlocked.Exchange(ref _dropped, 0);
    }

    /// <summary>Status is the HTTP status code, or 0 for a call that got no answer (refused, reset, timed out).</summary>
    public void Record(string operation, int status, double milliseconds) => Samples(operation).Add(status, milliseconds);

    /// <summary>What an expected answer said, counted per operation (create-request: offered or queued).</summary>
    public void Outcome(string operation, string outcome) => Samples(operation).AddOutcome(outcome);

    private OperationSamples Samples(string operation) => _operations.GetOrAdd(operation, _ => new OperationSamples());

    public IReadOnlyDictionary<string, OperationSamples> Snapshot() => _operations;

    public long Count(Func<int, bool> status) => _operations.Values.Sum(o => o.Count(status));
}

public sealed class OperationSamples
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private readonly Dictionary<int, long> _statuses = [];
    private readonly Dictionary<string, long> _outcomes = [];

    public void Add(int status, double milliseconds)
    {
        lock (_lock)
        {
            _latencies.Add(milliseconds);
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        }
    }

    public void AddOutcome(string outcome)
    {
        lock (_lock) _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
    }

    public (double[] Latencies, Dictionary<int, long> Statuses) Copy()
    {
        lock (_lock) return ([.. _latencies], new Dictionary<int, long>(_statuses));
    }

    public Dictionary<string, long> Outcomes()
    {
        lock (_lock) return new Dictionary<string, long>(_outcomes);
    }

    public long Count(Func<int, bool> status)
    {
        lock (_lock) return _statuses.Where(s => status(s.Key)).Sum(s => s.Value);
    }
}
