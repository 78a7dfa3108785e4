using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Entitlements;

/// <summary>The no-application benefit policies (免申即享清单), all in one grain keyed "entitlements": few, read often.</summary>
[Alias("grid.IEntitlementCatalogGrain")]
public interface IEntitlementCatalogGrain : IGrainWithStringKey
{
    [Alias("list")] Task<IReadOnlyList<EntitlementPolicyVersion>> ListAsync();
    [Alias("get")] Task<EntitlementPolicyVersion?> GetAsync(string id);
    [Alias("save")] Task<EntitlementPolicyVersion> SaveAsync(EntitlementPolicy policy, int? expectedVersion, Actor actor);
}

public sealed class EntitlementCatalogState { public List<EntitlementPolicyVersion> Policies { get; set; } = []; }

public sealed class EntitlementCatalogGrain(
    [PersistentState("entitlements", GridStorage.Name)] IPersistentState<EntitlementCatalogState> state,
    TimeProvider clock) : Grain, IEntitlementCatalogGrain
{
    public const string Key = "entitlements";

    public Task<IReadOnlyList<EntitlementPolicyVersion>> ListAsync() => Task.FromResult<IReadOnlyList<EntitlementPolicyVersion>>(state.State.Policies);

    public Task<EntitlementPolicyVersion?> GetAsync(string id) => Task.FromResult(state.State.Policies.FirstOrDefault(p => p.Policy.Id == id));

    public async Task<EntitlementPolicyVersion> SaveAsync(EntitlementPolicy policy, int? expectedVersion, Actor actor)
    {
        EligibilityRules.Validate(policy);
        var i = state.State.Policies.FindIndex(p => p.Policy.Id == policy.Id);
        var current = i >= 0 ? state.State.Policies[i] : null;
        if (actor.Role == Roles.Department && (policy.Department != actor.Department || (current is not null && current.Policy.Department != actor.Department)))
            throw new ForbiddenException($"Only {current?.Policy.Department ?? policy.Department} manages this policy.");
        if (current is null && expectedVersion is not null) throw new PreconditionFailedException($"Policy {policy.Id} does not exist yet; create it without If-Match.");
        if (current is not null && expectedVersion is null) throw new ConflictException($"Policy {policy.Id} exists (version {current.Version}); send If-Match to change it.");
        if (current is not null && expectedVersion != current.Version) throw new PreconditionFailedException($"Policy {policy.Id} is at version {current.Version}, not {expectedVersion}.");
        var saved = new EntitlementPolicyVersion(policy, (current?.Version ?? 0) + 1, actor.UserName, clock.GetUtcNow().UtcDateTime);
        if (i >= 0) state.State.Policies[i] = saved; else state.State.Policies.Add(saved);
        await state.WriteStateAsync();
        return saved;
    }
}
