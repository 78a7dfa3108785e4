using Grid.Grains.Deadlines;
using Orleans.Concurrency;

namespace Grid.Grains.Hotline;

/// <summary>A 12345 work order, keyed by its id; deadlines call it back through <see cref="IDeadlineTarget"/>.</summary>
[Alias("grid.IWorkOrderGrain")]
public interface IWorkOrderGrain : IDeadlineTarget
{
    /// <summary>Intake, classification and location in one step; asking again answers the order as it is.</summary>
    [Alias("create")] Task<WorkOrderView> CreateAsync(WorkOrderIntake intake, HotlineActor actor);

    [Alias("get")] Task<WorkOrderView?> GetAsync();

    /// <summary>One lifecycle step; a step the stage does not allow is a 409.</summary>
    [Alias("act")] Task<WorkOrderView> ActAsync(HotlineActor actor, WorkOrderCommand command);

    /// <summary>The survivor of a merge hears of the merged order (from that order's outbox); idempotent by the merged id.</summary>
    [Alias("absorb")] Task AbsorbAsync(MergedOrder merged);
}

/// <summary>
/// A list of order summaries, written only by orders' outboxes: a unit's orders, a county's
/// supervision board, a month's orders. An order that leaves a list is not deleted from it but
/// upserted at its newer version, and readers filter (an inbox shows what is still the unit's), so a
/// re-driven or late upsert can never put back what a newer one took out.
/// </summary>
[Alias("grid.IWorkOrderListGrain")]
public interface IWorkOrderListGrain : IGrainWithStringKey
{
    [Alias("upsert")] Task UpsertAsync(WorkOrderSummary order);

    [ReadOnly, Alias("list")] Task<IReadOnlyList<WorkOrderSummary>> ListAsync();
}

public static class WorkOrderLists
{
    public static string Unit(HandlingUnit unit) => $"unit/{unit.Kind}/{unit.Id}";
    public static string Month(string month) => "month/" + month;
    public static string Supervision(string countyCode) => "supervision/" + countyCode;
}
