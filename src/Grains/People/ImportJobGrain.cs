using Grid.Storage;

namespace Grid.Grains.People;

/// <summary>The progress of one bulk import, keyed by its job id: counts only, never the rows.</summary>
[Alias("grid.IImportJobGrain")]
public interface IImportJobGrain : IGrainWithStringKey
{
    [Alias("start")] Task StartAsync(string owner, int total, int failed);
    [Alias("advance")] Task AdvanceAsync(int created, int skipped, int failed);
    [Alias("finish")] Task FinishAsync();
    [Alias("get")] Task<ImportProgress?> GetAsync();
}

[GenerateSerializer, Immutable, Alias("grid.import-progress")]
public sealed record ImportProgress(
    [property: Id(0)] string Owner,
    [property: Id(1)] int Total,
    [property: Id(2)] int Created,
    [property: Id(3)] int Skipped,
    [property: Id(4)] int Failed,
    [property: Id(5)] bool Finished)
{
    public int Done => Created + Skipped + Failed;
}

public sealed class ImportJobState
{
    public ImportProgress? Progress { get; set; }
}

public sealed class ImportJobGrain([PersistentState("importjob", GridStorage.Name)] IPersistentState<ImportJobState> state) : Grain, IImportJobGrain
{
    public Task StartAsync(string owner, int total, int failed)
    {
        if (state.State.Progress is not null) return Task.CompletedTask; // started once
        state.State.Progress = new ImportProgress(owner, total, 0, 0, failed, false);
        return state.WriteStateAsync();
    }

    public Task AdvanceAsync(int created, int skipped, int failed)
    {
        var p = state.State.Progress ?? throw new InvalidOperationException("The import was not started.");
        state.State.Progress = p with { Created = p.Created + created, Skipped = p.Skipped + skipped, Failed = p.Failed + failed };
        return state.WriteStateAsync();
    }

    public Task FinishAsync()
    {
        var p = state.State.Progress ?? throw new InvalidOperationException("The import was not started.");
        state.State.Progress = p with { Finished = true };
        return state.WriteStateAsync();
    }

    public Task<ImportProgress?> GetAsync() => Task.FromResult(state.State.Progress);
}
