namespace Grid.Grains.Boundaries;

/// <summary>An open assisted-agency task located in a grid, as a boundary change sees it.</summary>
[GenerateSerializer, Immutable, Alias("grid.open-task-ref")]
public sealed record OpenTaskRef([property: Id(0)] string TaskId, [property: Id(1)] string GridId);

/// <summary>
/// The hook through which a boundary change finds and moves open tasks. AddGridDispatch registers
/// the dispatch-backed source (Grid.Grains.Dispatch.DispatchOpenTasks); <see cref="NoOpenTasks"/>
/// is the default for hosts without dispatch.
/// <see cref="MoveAsync"/> must be idempotent: a resumed boundary change may call it twice.
/// </summary>
public interface IOpenTaskSource
{
    Task<IReadOnlyList<OpenTaskRef>> OpenTasksInGridAsync(string gridId);

    Task MoveAsync(IReadOnlyList<string> taskIds, string toGridId, string toVillageCode);
}

public sealed class NoOpenTasks : IOpenTaskSource
{
    public Task<IReadOnlyList<OpenTaskRef>> OpenTasksInGridAsync(string gridId) => Task.FromResult<IReadOnlyList<OpenTaskRef>>([]);

    public Task MoveAsync(IReadOnlyList<string> taskIds, string toGridId, string toVillageCode) => Task.CompletedTask;
}
