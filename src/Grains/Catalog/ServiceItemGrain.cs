using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Catalog;

public sealed class ServiceItemState
{
    public List<ServiceItemVersion> Versions { get; set; } = [];
    public List<ServiceGuideVersion> GuideVersions { get; set; } = [];
}

public sealed class ServiceItemGrain(
    [PersistentState("serviceitem", GridStorage.Name)] IPersistentState<ServiceItemState> state,
    TimeProvider clock) : Grain, IServiceItemGrain
{
    private string Region => this.GetPrimaryKeyString().Split('/')[0];
    private string Code => this.GetPrimaryKeyString().Split('/')[1];
    private bool IsCity => Region == RegionCodes.City;

    public static string KeyOf(string regionCode, string itemCode) => CatalogKeys.ServiceItem(regionCode, itemCode);

    public Task<ServiceItemVersion?> GetAsync() => Task.FromResult(state.State.Versions.LastOrDefault());
    public Task<IReadOnlyList<ServiceItemVersion>> GetHistoryAsync() => Task.FromResult<IReadOnlyList<ServiceItemVersion>>(state.State.Versions);
    public Task<ServiceGuideVersion?> GetGuideAsync() => Task.FromResult(state.State.GuideVersions.LastOrDefault());
    public Task<IReadOnlyList<ServiceGuideVersion>> GetGuideHistoryAsync() => Task.FromResult<IReadOnlyList<ServiceGuideVersion>>(state.State.GuideVersions);

    public async Task<ServiceItemVersion> SaveAsync(ServiceItem item, int? expectedVersion, Actor actor, string reason)
    {
        ServiceItemRules.Validate(item);
        if (item.Code != Code) throw ValidationException.For("code", $"The item's code must be {Code}, as in the address.");
        RequireReason(reason);
        var current = state.State.Versions.LastOrDefault();
        CheckVersion(current?.Version, expectedVersion, "item");
        if (actor.Role == Roles.Department && (item.Department != actor.Department || (current is not null && current.Item.Department != actor.Department)))
            throw new ForbiddenException($"Department staff edit only their own department's items; this item belongs to {current?.Item.Department ?? item.Department}.");
        if (!IsCity && await CityItemAsync() is { } city && ConsistencyRules.Compare(city.Item, item) is { Count: > 0 } diffs)
            throw new CatalogInconsistencyException(
                $"Item {Code} differs from the city's version in {string.Join(", ", diffs.Select(d => d.Element))}; these elements are the same citywide (Art. 10).", diffs);
        var saved = new ServiceItemVersion(Region, (current?.Version ?? 0) + 1, item, actor.UserName, reason.Trim(), clock.GetUtcNow().UtcDateTime);
        state.State.Versions.Add(saved);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogIndexGrain>(CatalogIndexGrain.Key).UpsertAsync(new CatalogEntry(
            Region, item.Code, item.Name, item.Type, item.Field, item.Levels, item.Department, saved.Version, item.RequiredSkills));
        return saved;
    }

    public async Task<ServiceGuideVersion> SaveGuideAsync(ServiceGuide guide, int? expectedVersion, Actor actor, string reason)
    {
        var item = state.State.Versions.LastOrDefault()
            ?? throw new NotFoundException($"Region {Region} has no item {Code}; save the item before its guide.");
        if (actor.Role == Roles.Department && item.Item.Department != actor.Department)
            throw new ForbiddenException($"Department staff edit only their own department's guides; this item belongs to {item.Item.Department}.");
        GuideRules.Validate(guide);
        RequireReason(reason);
        var current = state.State.GuideVersions.LastOrDefault();
        CheckVersion(current?.Version, expectedVersion, "guide");
        if (!IsCity && await CityGrain().GetGuideAsync() is { } city && ConsistencyRules.CompareGuides(city.Guide, guide) is { Count: > 0 } diffs)
            throw new CatalogInconsistencyException(
                $"The guide of {Code} lists different materials from the city's guide; materials are the same citywide (Art. 14).", diffs);
        var saved = new ServiceGuideVersion(Region, Code, (current?.Version ?? 0) + 1, guide, actor.UserName, reason.Trim(), clock.GetUtcNow().UtcDateTime);
        state.State.GuideVersions.Add(saved);
        await state.WriteStateAsync();
        return saved;
    }

    private IServiceItemGrain CityGrain() => GrainFactory.GetGrain<IServiceItemGrain>(KeyOf(RegionCodes.City, Code));

    private Task<ServiceItemVersion?> CityItemAsync() => CityGrain().GetAsync();

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
            throw ValidationException.For("reason", "Say why you make this change (1–500 characters); it is kept in the version history.");
    }

    private void CheckVersion(int? current, int? expected, string what)
    {
        if (current is null && expected is not null)
            throw new PreconditionFailedException($"Region {Region} has no {what} for {Code} yet; create it without If-Match.");
        if (current is not null && expected is null)
            throw new ConflictException($"The {what} {Code} exists in region {Region} (version {current}); send If-Match with its ETag to change it.");
        if (current is not null && expected != current)
            throw new PreconditionFailedException($"The {what} {Code} is at version {current}, not {expected}; read it again and reapply your change.");
    }
}
