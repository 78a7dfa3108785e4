using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Bundles;

/// <summary>An application for a bundle, keyed by its id; creating twice with the same id returns the first (idempotent).</summary>
[Alias("grid.IBundleApplicationGrain")]
public interface IBundleApplicationGrain : IGrainWithStringKey
{
    [Alias("create")] Task<BundleApplication> CreateAsync(BundleApplication application);
    [Alias("get")] Task<BundleApplication?> GetAsync();
    [Alias("decide")] Task<BundleApplication> DecideAsync(string itemCode, bool approved, Actor actor, string? note);
}

public sealed class BundleApplicationState { public BundleApplication? Application { get; set; } }

public sealed class BundleApplicationGrain(
    [PersistentState("bundleapplication", GridStorage.Name)] IPersistentState<BundleApplicationState> state, TimeProvider clock)
    : Grain, IBundleApplicationGrain
{
    public async Task<BundleApplication> CreateAsync(BundleApplication application)
    {
        if (state.State.Application is { } existing) return existing;
        state.State.Application = application with { Id = this.GetPrimaryKeyString(), Status = BundleApplicationStatus.InProgress };
        await state.WriteStateAsync();
        return state.State.Application;
    }

    public Task<BundleApplication?> GetAsync() => Task.FromResult(state.State.Application);

    public async Task<BundleApplication> DecideAsync(string itemCode, bool approved, Actor actor, string? note)
    {
        var app = state.State.Application ?? throw new NotFoundException($"No bundle application {this.GetPrimaryKeyString()}.");
        var i = app.Items.ToList().FindIndex(a => a.ItemCode == itemCode);
        if (i < 0) throw new NotFoundException($"Application {app.Id} does not include item {itemCode}.");
        var item = app.Items[i];
        if (actor.Role == Roles.Department && actor.Department != item.Department)
            throw new ForbiddenException($"{item.ItemName} is approved by {item.Department}.");
        if (item.State != ApprovalState.Pending) throw new ConflictException($"{item.ItemName} was already {item.State}.");
        if (!approved && string.IsNullOrWhiteSpace(note)) throw ValidationException.For("note", "Say why the item is rejected.");
        var items = app.Items.ToList();
        items[i] = item with { State = approved ? ApprovalState.Approved : ApprovalState.Rejected, DecidedBy = actor.UserName, DecidedUtc = clock.GetUtcNow().UtcDateTime, Note = note };
        var status = items.Any(a => a.State == ApprovalState.Pending) ? BundleApplicationStatus.InProgress
            : items.All(a => a.State == ApprovalState.Approved) ? BundleApplicationStatus.Approved : BundleApplicationStatus.PartlyRejected;
        state.State.Application = app with { Items = items, Status = status };
        await state.WriteStateAsync();
        return state.State.Application;
    }
}
