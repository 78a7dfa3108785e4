using Grid.Grains.Audit;
using Grid.Grains.Deadlines;
using Grid.Grains.Geography;

namespace Grid.Grains.Boundaries;

/// <summary>One boundary change, keyed by its id: planned (dry run) first, then applied once.</summary>
[Alias("grid.IBoundaryChangeGrain")]
public interface IBoundaryChangeGrain : IDeadlineTarget
{
    /// <summary>The dry run: plans the edit and stores the plan; changes nothing else. <paramref name="scope"/> must hold both villages.</summary>
    [Alias("plan")] Task<BoundaryChangeInfo> PlanAsync(BoundaryEdit edit, AuditActor by, string scope);

    [Alias("get")] Task<BoundaryChangeInfo?> GetAsync();

    /// <summary>Moves exactly what the stored plan lists; 409 (with a fresh plan stored) when the city changed since.</summary>
    [Alias("apply")] Task<BoundaryChangeInfo> ApplyAsync(AuditActor by, int? ifVersion);
}
