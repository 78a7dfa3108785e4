namespace Grid.Grains.Seeding;

[GenerateSerializer, Immutable, Alias("grid.seed-marker")]
public sealed record SeedMarker([property: Id(0)] int Version, [property: Id(1)] DateTime CompletedUtc, [property: Id(2)] string Summary);

/// <summary>Remembers that a seed version completed, so a restart does not seed again.</summary>
[Alias("grid.ISeedMarkerGrain")]
public interface ISeedMarkerGrain : IGrainWithStringKey
{
    [Alias("get")] Task<SeedMarker?> GetAsync();
    [Alias("set")] Task SetAsync(SeedMarker marker);
}

public sealed class SeedMarkerState { public SeedMarker? Marker { get; set; } }

public sealed class SeedMarkerGrain(
    [PersistentState("seedmarker", Grid.Storage.GridStorage.Name)] IPersistentState<SeedMarkerState> state) : Grain, ISeedMarkerGrain
{
    public Task<SeedMarker?> GetAsync() => Task.FromResult(state.State.Marker);

    public Task SetAsync(SeedMarker marker)
    {
        state.State.Marker = marker;
        return state.WriteStateAsync();
    }
}
