using Grid.Contracts;
using Grid.Geo;
using Grid.Grains.Common;
using Grid.Storage;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Grid.Grains.Geography;

/// <summary>
/// Holds the city's <see cref="LocateIndex"/>: built on activation from the seeder's deterministic
/// base geography plus the stored overrides that boundary changes wrote, so after a restart or on
/// another silo it comes back exactly as the last applied change left it.
/// </summary>
public sealed class LocateIndexGrain(
    [PersistentState("locateindex", GridStorage.Name)] IPersistentState<LocateIndexState> state,
    GeographySource geography) : Grain, ILocateIndexGrain
{
    private GeographyModel _model = null!;
    private LocateView _view = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _model = await geography.GetAsync();
        Rebuild();
    }

    public Task<GridLocation?> LocateAsync(double lat, double lng) => Task.FromResult(_view.Locate(lat, lng));

    public Task<IReadOnlyList<string?>> LocateManyAsync(IReadOnlyList<GeoPoint> points) => Task.FromResult(_view.LocateMany(points));

    public Task<IReadOnlyList<GridOutline>> GridsInAsync(string regionCode) => Task.FromResult(_view.GridsIn(regionCode));

    public Task<IReadOnlyList<GridOverride>> GetOverridesAsync() =>
        Task.FromResult<IReadOnlyList<GridOverride>>([.. state.State.Overrides.Values]);

    public Task<int> GetVersionAsync() => Task.FromResult(state.State.Version);

    public Task<LocateSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new LocateSnapshot(state.State.Version, [.. state.State.Overrides.Values]));

    public Task<EditImpact> ImpactAsync(BoundaryEdit edit)
    {
        if (!_view.Outlines.TryGetValue(edit.GridId, out var current))
            throw new NotFoundException($"No current grid has the id {edit.GridId}.");
        var target = string.IsNullOrEmpty(edit.TargetVillageCode) ? current.VillageCode : edit.TargetVillageCode;
        if (!_model.Divisions.TryGetValue(target, out var village) || village.Level != Geo.DivisionLevel.Village)
            throw ValidationException.For("targetVillageCode", $"{target} is not a village or community code of the city.");
        var polygon = edit.Wkt is null ? _view.Polygons[edit.GridId] : ParsePolygon(edit.Wkt);
        var moves = target != current.VillageCode;
        if (!moves && edit.Wkt is null)
            throw ValidationException.For("targetVillageCode", "Give a targetVillageCode other than the grid's own village, a new geometry, or both.");

        var newId = moves ? GridNames.NextId(target, _view.Outlines.Keys.Concat(state.State.Overrides.Keys)) : edit.GridId;
        var newName = moves ? GridNames.For(village.Name, newId) : current.Name;
        var candidates = _view.Polygons
            .Where(p => p.Key == edit.GridId || (p.Value.EnvelopeInternal.Intersects(polygon.EnvelopeInternal) && p.Value.Intersects(polygon)))
            .Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(new EditImpact(edit.GridId, newId, current.VillageCode, target, newName,
            Wkt.Write(polygon), candidates, state.State.Version));
    }

    public Task<IReadOnlyList<string?>> LocateUnderAsync(EditImpact impact, IReadOnlyList<GeoPoint> points)
    {
        var edited = Edited(impact);
        return Task.FromResult<IReadOnlyList<string?>>(points.Select(p => edited.Locate(p.Lat, p.Lng)?.GridId).ToList());
    }

    public async Task ApplyAsync(string changeId, EditImpact impact)
    {
        if (state.State.AppliedChanges.Contains(changeId)) return;
        if (impact.IndexVersion != state.State.Version)
            throw new ConflictException("Another boundary change was applied after this one was planned; plan it again.");
        var overrides = state.State.Overrides;
        if (impact.NewGridId != impact.GridId)
            overrides[impact.GridId] = new GridOverride(impact.GridId, impact.FromVillageCode, _view.Outlines[impact.GridId].Name, null, Removed: true);
        overrides[impact.NewGridId] = new GridOverride(impact.NewGridId, impact.ToVillageCode, impact.NewName, impact.Wkt, Removed: false);
        state.State.AppliedChanges.Add(changeId);
        state.State.Version++;
        await state.CommitAsync(this);
        Rebuild();
    }

    private LocateIndex Edited(EditImpact impact)
    {
        var polygon = Wkt.Read(impact.Wkt);
        var index = impact.NewGridId == impact.GridId ? _view.Index : _view.Index.WithoutGrid(impact.GridId);
        return index.WithGrid(impact.NewGridId, impact.ToVillageCode, polygon);
    }

    private void Rebuild() => _view = new LocateView(_model, state.State.Overrides.Values, state.State.Version);

    private static Geometry ParsePolygon(string wkt)
    {
        Geometry parsed;
        try { parsed = Wkt.Read(wkt); }
        catch (ParseException e) { throw ValidationException.For("geometry", "The geometry could not be read: " + e.Message); }
        var validation = PolygonValidator.Validate(parsed);
        return validation.IsValid ? validation.Polygon! : throw ValidationException.For("geometry", validation.Reason!);
    }
}
