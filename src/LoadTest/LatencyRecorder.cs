using System.Collections.Concurrent;

namespace Grid.LoadTest;

/// <summary>Every HTTP call's operation, outcome and latency; thread-safe.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, OperationSamples> _operations = new();
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Drop() => Interlocked.Increment(ref _dropped);

    /// <summary>Status is the HTTP status code, or 0 for a call that got no answer (refused, reset, timed out).</summary>
    public void Record(string operation, int status, double milliseconds) =>
        _operations.GetOrAdd(operation, _ => new OperationSamples()).Add(status, milliseconds);

    public IReadOnlyDictionary<string, OperationSamples> Snapshot() => _operations;

    public long Count(Func<int, bool> status) => _operations.Values.Sum(o => o.Count(status));
}

public sealed class OperationSamples
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private readonly Dictionary<int, long> _statuses = [];

    public void Add(int status, double milliseconds)
    {
        lock (_lock)
        {
            _latencies.Add(milliseconds);
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        }
    }

    public (double[] Latencies, Dictionary<int, long> Statuses) Copy()
    {
        lock (_lock) return ([.. _latencies], new Dictionary<int, long>(_statuses));
    }

    public long Count(Func<int, bool> status)
    {
        lock (_lock) return _statuses.Where(s => status(s.Key)).Sum(s => s.Value);
    }
}
