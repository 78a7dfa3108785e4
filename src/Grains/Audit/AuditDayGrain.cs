using Orleans.Concurrency;
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
/// Group commit: appends that arrive while a write is in flight wait for it, then go to storage
/// together in the next write, so a busy day costs one write per batch rather than per entry. An
/// append returns only after the write that holds its entry succeeded. Entries are never changed.
/// </summary>
[Reentrant]
public sealed class AuditDayGrain(
    [PersistentState("auditday", GridStorage.Name)] IPersistentState<AuditDayState> state) : Grain, IAuditDayGrain
{
    private readonly List<AuditEntry> _pending = [];
    private long _appended;
    private long _persisted;
    private Task? _writing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _appended = _persisted = state.State.Entries.Count;
        return Task.CompletedTask;
    }

    public async Task AppendAsync(AuditEntry entry)
    {
        _pending.Add(entry);
        var mine = ++_appended;
        while (_persisted < mine)
        {
            _writing ??= WriteBatchAsync();
            await _writing;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. state.State.Entries.Where(filter.Matches)]);

    private async Task WriteBatchAsync()
    {
        try
        {
            // Entries join the stored list only here, never while a write serializes it.
            state.State.Entries.AddRange(_pending);
            _pending.Clear();
            await state.WriteStateAsync();
            _persisted = state.State.Entries.Count;
        }
        finally
        {
            _writing = null;
        }
    }
}
