using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Storage;

namespace Grid.Grains.Audit;

/// <summary>The audit entries of one county on one UTC day; append-only.</summary>
[Alias("grid.IAuditDayGrain")]
public interface IAuditDayGrain : IGrainWithStringKey
{
    /// <summary>Durable when it returns. An entry whose <see cref="AuditEntry.Id"/> the day already holds is kept once.</summary>
    [Alias("append")] Task AppendAsync(AuditEntry entry);

    [ReadOnly, Alias("query")] Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter);
}

/// <summary>
/// Append-only at a constant cost per write: the head (state <c>auditday</c>) holds only the open
/// chunk and the count of sealed chunks; a full chunk is written once under its own key, then the
/// head. Group commit: appends that arrive while a write is in flight join the next write, and each
/// returns only after the write holding its entry succeeded. A failed write fails exactly the
/// appends of its batch and leaves the activation as stored, so their retry redoes the work.
/// </summary>
[Reentrant]
public sealed class AuditDayGrain(
    [PersistentState("auditday", GridStorage.Name)] IPersistentState<AuditDayState> state,
    ILogger<AuditDayGrain> logger) : Grain, IAuditDayGrain
{
    /// <summary>
    /// Small, because every write rewrites the open chunk: 32 entries keep a write near 5 KB (128 made it about
    /// 19 KB at the load tool's rates); queries read more sealed chunks in exchange, eight at a time.
    /// </summary>
    public const int ChunkSize = 32;
    private readonly AuditRecentIds _recent = new();
    private AuditChunks _chunks = null!;
    private AuditBatch? _collecting, _writing;
    private bool _pumping;
    private Task? _loadingRecent;
    private List<AuditEntry>? _openIdsOf;
    private HashSet<string> _openIds = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _chunks = new AuditChunks(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name), this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task AppendAsync(AuditEntry entry)
    {
        if (entry.Id is { } id)
        {
            await LoadRecentAsync();
            if (OpenIds().Contains(id) || _recent.Contains(id)) return;
            // A repeat of an entry on its way to storage succeeds or fails with it.
            if ((_writing?.Holds(id) == true ? _writing : _collecting?.Holds(id) == true ? _collecting : null) is { } carrying)
            {
                await carrying.Done;
                return;
            }
        }
        var batch = _collecting ??= new AuditBatch();
        batch.Add(entry);
        if (!_pumping)
        {
            _pumping = true;
            _ = PumpAsync();
        }
        await batch.Done;
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter)
    {
        // Sealed chunks never change and the head is replaced, not edited: this snapshot stays consistent while appends go on.
        var head = state.State;
        var found = new List<AuditEntry>();
        for (var first = 0; first < head.SealedChunks; first += 8)
        {
            var reads = Enumerable.Range(first, Math.Min(8, head.SealedChunks - first)).Select(_chunks.ReadAsync);
            foreach (var chunk in await Task.WhenAll(reads)) found.AddRange(chunk.Where(filter.Matches));
        }
        found.AddRange(head.Entries.Where(filter.Matches));
        return found;
    }

    /// <summary>Writes batch after batch until no append waits; it never awaits an append, so it cannot wait on itself.</summary>
    private async Task PumpAsync()
    {
        try
        {
            while (_collecting is { } batch)
            {
                _collecting = null;
                _writing = batch;
                try
                {
                    await WriteAsync(batch.Entries);
                    batch.Succeed();
                }
                catch (Exception e)
                {
                    batch.Fail(e);
                }
                finally
                {
                    _writing = null;
                }
            }
        }
        finally
        {
            _pumping = false;
        }
    }

    /// <summary>Seals every full chunk (chunk row first), then writes the head; the head never counts a chunk not yet stored.</summary>
    private async Task WriteAsync(List<AuditEntry> entries)
    {
        var stored = state.State;
        var open = new List<AuditEntry>(stored.Entries.Count + entries.Count);
        open.AddRange(stored.Entries);
        open.AddRange(entries);
        var sealedChunks = stored.SealedChunks;
        var sealedNow = new List<(int Index, List<AuditEntry> Entries)>();
        while (open.Count >= ChunkSize)
        {
            var chunk = open.GetRange(0, ChunkSize);
            await _chunks.SealAsync(sealedChunks, chunk);
            sealedNow.Add((sealedChunks++, chunk));
            open.RemoveRange(0, ChunkSize);
        }
        var next = new AuditDayState { SealedChunks = sealedChunks, Entries = open };
        state.State = next;
        try
        {
            await state.CommitAsync(this, logger);
        }
        catch
        {
            // CommitAsync re-read what is stored; if even that failed, drop the unsaved head (the activation is deactivating).
            if (ReferenceEquals(state.State, next)) state.State = stored;
            throw;
        }
        foreach (var (index, chunk) in sealedNow) _recent.Add(index, chunk);
    }

    /// <summary>Reads the ids of recently sealed chunks this activation does not hold (after activation or a failed write).</summary>
    private Task LoadRecentAsync()
    {
        if (_loadingRecent is { IsCompleted: false } loading) return loading;
        var missing = _recent.Missing(state.State.SealedChunks);
        return missing.Count == 0 ? Task.CompletedTask : _loadingRecent = LoadAsync(missing);

        async Task LoadAsync(List<int> indexes)
        {
            var chunks = await Task.WhenAll(indexes.Select(_chunks.ReadAsync));
            for (var i = 0; i < indexes.Count; i++) _recent.Add(indexes[i], chunks[i]);
        }
    }

    private HashSet<string> OpenIds()
    {
        if (!ReferenceEquals(_openIdsOf, state.State.Entries))
        {
            _openIds = new HashSet<string>(state.State.Entries.Select(e => e.Id).OfType<string>(), StringComparer.Ordinal);
            _openIdsOf = state.State.Entries;
        }
        return _openIds;
    }
}
