using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Storage;
using Grid.Storage;

namespace Grid.Grains.Audit;

/// <summary>The audit entries of one county on one UTC day; append-only.</summary>
[Alias("grid.IAuditDayGrain")]
public interface IAuditDayGrain : IGrainWithStringKey
{
    [Alias("append")] Task AppendAsync(AuditEntry entry);

    [ReadOnly, Alias("query")] Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter);
}

/// <summary>
/// Group commit into fixed-size chunk rows (<see cref="AuditChunks"/>): appends that arrive while a
/// write is in flight wait for it, then go to storage together in the next write, which rewrites
/// only the open chunk (and starts new ones as it fills). An append returns only after the write
/// that holds its entry succeeded. Entries are never changed. Days stored before chunks (the
/// single "auditday" row) are still read, never written.
/// </summary>
[Reentrant]
public sealed class AuditDayGrain(
    [PersistentState("auditday", GridStorage.Name)] IPersistentState<AuditDayState> legacy) : Grain, IAuditDayGrain
{
    private readonly List<AuditEntry> _pending = [];
    private TaskCompletionSource? _pendingWritten;
    private Task? _writing;
    private AuditChunks _chunks = null!;
    private int _open = -1;
    private IGrainState<AuditChunk> _openRow = new GrainState<AuditChunk>(new AuditChunk());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _chunks = new AuditChunks(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name), this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task AppendAsync(AuditEntry entry)
    {
        _pending.Add(entry);
        var written = (_pendingWritten ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        _writing ??= DrainAsync();
        return written;
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter)
    {
        var last = _open >= 0 ? _open : await _chunks.FindLastAsync();
        var rows = await Task.WhenAll(Enumerable.Range(0, last + 1).Select(_chunks.ReadAsync));
        return [.. legacy.State.Entries.Concat(rows.SelectMany(EntriesOf)).Where(filter.Matches)];
    }

    /// <summary>Writes batch after batch until nothing waits; each batch's appenders learn its own outcome.</summary>
    private async Task DrainAsync()
    {
        while (_pending.Count > 0)
        {
            var batch = _pending.ToList();
            var written = _pendingWritten!;
            _pendingWritten = null;
            _pending.Clear();
            try
            {
                await WriteAsync(batch);
                written.SetResult();
            }
            catch (Exception ex)
            {
                // Not acknowledged: the callers retry. Storage is the truth for the next batch.
                _open = -1;
                written.SetException(ex);
            }
        }
        _writing = null;
    }

    private async Task WriteAsync(List<AuditEntry> batch)
    {
        if (_open < 0)
        {
            var last = await _chunks.FindLastAsync();
            _openRow = await _chunks.ReadAsync(_open = Math.Max(0, last));
        }
        foreach (var entry in batch)
        {
            if (EntriesOf(_openRow).Count == AuditChunks.Size)
            {
                await _chunks.WriteAsync(_open, _openRow);
                (_open, _openRow) = (_open + 1, new GrainState<AuditChunk>(new AuditChunk()));
            }
            EntriesOf(_openRow).Add(entry);
        }
        await _chunks.WriteAsync(_open, _openRow);
    }

    private static List<AuditEntry> EntriesOf(IGrainState<AuditChunk> row) => (row.State ??= new AuditChunk()).Entries;
}
