using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Hotline;

/// <summary>One row per order (<see cref="GrainRows{T}"/>), so an upsert costs the same however long the list is.</summary>
public sealed class WorkOrderListGrain(IGrainRowStore store) : Grain, IWorkOrderListGrain
{
    private readonly Dictionary<string, WorkOrderSummary> _orders = new(StringComparer.Ordinal);
    private GrainRows<WorkOrderSummary> _rows = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rows = new GrainRows<WorkOrderSummary>(store, "workorderlist", this.GetPrimaryKeyString());
        foreach (var (key, order) in await _rows.ReadAllAsync()) _orders[key] = order;
    }

    public async Task UpsertAsync(WorkOrderSummary order)
    {
        if (_orders.TryGetValue(order.Id, out var held) && held.Version >= order.Version) return;
        await _rows.UpsertAsync(order.Id, order);
        _orders[order.Id] = order;
    }

    public Task<IReadOnlyList<WorkOrderSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WorkOrderSummary>>([.. _orders.Values.OrderByDescending(o => o.ReceivedAtUtc)]);
}
