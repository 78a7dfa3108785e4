using Grid.Grains.Deadlines;

namespace Grid.Grains.Evaluations;

/// <summary>The rectification of a bad review, keyed by the service record id; its clock is an <see cref="IDeadlineGrain"/>.</summary>
[Alias("grid.IRectificationGrain")]
public interface IRectificationGrain : IDeadlineTarget
{
    /// <summary>Idempotent: a second opening for the same record changes nothing.</summary>
    [Alias("open")]
    Task<RectificationInfo> OpenAsync(RectificationOpening opening);

    [Alias("get")]
    Task<RectificationInfo?> GetAsync();

    /// <summary>Takes a step; <paramref name="expectedVersion"/> (from If-Match) guards against a stale copy.</summary>
    [Alias("act")]
    Task<RectificationInfo> ActAsync(RectificationAction action, int? expectedVersion);
}

/// <summary>The rectifications of one county, so coordinators can list them without waking each one.</summary>
[Alias("grid.IRectificationIndexGrain")]
public interface IRectificationIndexGrain : IGrainWithStringKey
{
    [Alias("upsert")]
    Task UpsertAsync(RectificationSummary summary);

    [Alias("list")]
    Task<IReadOnlyList<RectificationSummary>> ListAsync(RectificationQuery query);
}
