using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Bundles;

/// <summary>The one-thing list (一件事清单), one grain keyed "bundles".</summary>
[Alias("grid.IBundleCatalogGrain")]
public interface IBundleCatalogGrain : IGrainWithStringKey
{
    [Alias("list")] Task<IReadOnlyList<ServiceBundleVersion>> ListAsync();
    [Alias("get")] Task<ServiceBundleVersion?> GetAsync(string code);
    [Alias("save")] Task<ServiceBundleVersion> SaveAsync(ServiceBundle bundle, int? expectedVersion, Actor actor);
}

public sealed class BundleCatalogState { public List<ServiceBundleVersion> Bundles { get; set; } = []; }

public sealed class BundleCatalogGrain(
    [PersistentState("bundles", GridStorage.Name)] IPersistentState<BundleCatalogState> state, TimeProvider clock) : Grain, IBundleCatalogGrain
{
    public const string Key = "bundles";

    public Task<IReadOnlyList<ServiceBundleVersion>> ListAsync() => Task.FromResult<IReadOnlyList<ServiceBundleVersion>>(state.State.Bundles);

    public Task<ServiceBundleVersion?> GetAsync(string code) => Task.FromResult(state.State.Bundles.FirstOrDefault(b => b.Bundle.Code == code));

    public async Task<ServiceBundleVersion> SaveAsync(ServiceBundle bundle, int? expectedVersion, Actor actor)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ServiceItemRules.IsValidCode(bundle.Code)) errors["code"] = ["Use 3–40 capital letters, digits or '-', e.g. YJS-001."];
        if (string.IsNullOrWhiteSpace(bundle.Name)) errors["name"] = ["Name the one-thing service, e.g. 老年人优待一件事."];
        if (string.IsNullOrWhiteSpace(bundle.LeadDepartment)) errors["leadDepartment"] = ["Name the lead department (牵头部门)."];
        if (bundle.ItemCodes is not { Count: >= 2 } || bundle.ItemCodes.Distinct().Count() != bundle.ItemCodes.Count)
            errors["itemCodes"] = ["A one-thing service bundles at least two different items."];
        if (errors.Count > 0) throw new ValidationException(errors);
        var missing = new List<string>();
        foreach (var code in bundle.ItemCodes!)
            if (await GrainFactory.GetGrain<IServiceItemGrain>(CatalogKeys.ServiceItem(RegionCodes.City, code)).GetAsync() is null) missing.Add(code);
        if (missing.Count > 0) throw ValidationException.For("itemCodes", $"Not in the city catalog: {string.Join(", ", missing)}.");
        var i = state.State.Bundles.FindIndex(b => b.Bundle.Code == bundle.Code);
        var current = i >= 0 ? state.State.Bundles[i] : null;
        if (actor.Role == Roles.Department && (bundle.LeadDepartment != actor.Department || (current is not null && current.Bundle.LeadDepartment != actor.Department)))
            throw new ForbiddenException($"Only the lead department ({current?.Bundle.LeadDepartment ?? bundle.LeadDepartment}) edits this bundle.");
        if (current is null && expectedVersion is not null) throw new PreconditionFailedException($"Bundle {bundle.Code} does not exist yet; create it without If-Match.");
        if (current is not null && expectedVersion is null) throw new ConflictException($"Bundle {bundle.Code} exists (version {current.Version}); send If-Match to change it.");
        if (current is not null && expectedVersion != current.Version) throw new PreconditionFailedException($"Bundle {bundle.Code} is at version {current.Version}, not {expectedVersion}.");
        var saved = new ServiceBundleVersion(bundle, (current?.Version ?? 0) + 1, actor.UserName, clock.GetUtcNow().UtcDateTime);
        if (i >= 0) state.State.Bundles[i] = saved; else state.State.Bundles.Add(saved);
        await state.WriteStateAsync();
        return saved;
    }
}
