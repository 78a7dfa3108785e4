using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Hotline;

/// <summary>One row per whistle order (<see cref="GrainRows{T}"/>), as <see cref="WorkOrderListGrain"/> keeps work orders.</summary>
public sealed class WhistleListGrain(IGrainRowStore store) : Grain, IWhistleListGrain
{
    private readonly Dictionary<string, WhistleSummary> _orders = new(StringComparer.Ordinal);
    private GrainRows<WhistleSummary> _rows = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rows = new GrainRows<WhistleSummary>(store, "whistlelist", this.GetPrimaryKeyString());
        foreach (var (key, order) in await _rows.ReadAllAsync()) _orders[key] = order;
    }

    public async Task UpsertAsync(WhistleSummary order)
    {
        if (_orders.TryGetValue(order.Id, out var held) && held.Version >= order.Version) return;
        await _rows.UpsertAsync(order.Id, order);
        _orders[order.Id] = order;
    }

    public Task<IReadOnlyList<WhistleSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WhistleSummary>>([.. _orders.Values.OrderByDescending(o => o.IssuedAtUtc)]);
}
