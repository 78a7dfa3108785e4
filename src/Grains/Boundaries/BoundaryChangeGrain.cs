using Grid.Contracts;
using Grid.Grains.Audit;
using Grid.Grains.Common;
using Grid.Grains.Deadlines;
using Grid.Grains.Geography;
using Grid.Grains.People;
using Grid.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Boundaries;

/// <summary>
/// Coordinates one boundary change. Orleans has no transaction across grains, so apply is a
/// resumable saga: the grain first records "Applying" with its plan, then runs idempotent steps
/// (index, grid cells, residents, workers, directories, tasks); a durable deadline re-runs the
/// steps if the silo dies midway, until the change is recorded "Applied". The locate index is the
/// commit point: it accepts the change only if no other change was applied since the plan.
/// </summary>
public sealed class BoundaryChangeGrain(
    [PersistentState("boundarychange", GridStorage.Name)] IPersistentState<BoundaryChangeState> state,
    IOpenTaskSource openTasks, IAuditLog audit, TimeProvider clock, ILogger<BoundaryChangeGrain> logger) : Grain, IBoundaryChangeGrain
{
    private static readonly TimeSpan ResumeAfter = TimeSpan.FromMinutes(2);

    private ILocateIndexGrain Index => GrainFactory.GetGrain<ILocateIndexGrain>(RegionCodes.City);

    public async Task<BoundaryChangeInfo> PlanAsync(BoundaryEdit edit, AuditActor by, string scope)
    {
        if (state.State.Edit is not null)
            return state.State.Edit == edit ? Info() : throw new ConflictException($"Boundary change {Id} exists with another edit; use a new id.");
        var plan = await BoundaryPlanning.PlanAsync(GrainFactory, Index, openTasks, edit, Today());
        if (!RegionCodes.Contains(scope, plan.Impact.FromVillageCode) || !RegionCodes.Contains(scope, plan.Impact.ToVillageCode))
            throw new ForbiddenException("Both the grid's village and the target village must lie inside your region.");
        state.State.Edit = edit;
        state.State.Plan = plan;
        state.State.Scope = scope;
        state.State.RequestedBy = by.UserName;
        state.State.PlannedAtUtc = clock.GetUtcNow().UtcDateTime;
        state.State.Version++;
        await state.CommitAsync(this, logger);
        return Info();
    }

    public Task<BoundaryChangeInfo?> GetAsync() => Task.FromResult(state.State.Edit is null ? null : Info());

    public async Task<BoundaryChangeInfo> ApplyAsync(AuditActor by, int? ifVersion)
    {
        if (state.State.Edit is null) throw new NotFoundException($"Boundary change {Id} does not exist.");
        if (state.State.Status == BoundaryChangeStatus.Applied) return Info();
        if (ifVersion is { } v && v != state.State.Version)
            throw new PreconditionFailedException($"Boundary change {Id} is at version {state.State.Version}, not {v}; review the dry run again.");
        if (state.State.Status == BoundaryChangeStatus.Planned)
        {
            if (state.State.Plan!.UnplacedResidents.Count > 0)
                throw new ConflictException($"The new outline leaves {state.State.Plan.UnplacedResidents.Count} residents' homes outside every grid; draw it again.");
            var fresh = await BoundaryPlanning.PlanAsync(GrainFactory, Index, openTasks, state.State.Edit, Today());
            if (fresh.Impact.IndexVersion != state.State.Plan!.Impact.IndexVersion || !fresh.SameMovesAs(state.State.Plan))
            {
                state.State.Plan = fresh;
                state.State.PlannedAtUtc = clock.GetUtcNow().UtcDateTime;
                state.State.Version++;
                await state.CommitAsync(this, logger);
                throw new ConflictException("Residents, workers, tasks or boundaries changed since the dry run. A new dry run is stored: review it, then apply again.");
            }
            state.State.Status = BoundaryChangeStatus.Applying;
            state.State.Version++;
            await state.CommitAsync(this, logger);
            await Deadline.ScheduleAsync("boundary-change-resume", clock.GetUtcNow().UtcDateTime + ResumeAfter, this.GetGrainId());
        }
        await RunStepsAsync(by, cancelResume: true);
        return Info();
    }

    /// <summary>The resume deadline fired; it is already marked fired, so the steps need not cancel it.</summary>
    public async Task OnDeadlineAsync(string deadlineId, string kind)
    {
        if (state.State.Status != BoundaryChangeStatus.Applying) return;
        logger.LogWarning("Resuming boundary change {ChangeId} after an interrupted apply", Id);
        await RunStepsAsync(AuditActor.System, cancelResume: false);
    }

    private async Task RunStepsAsync(AuditActor by, bool cancelResume)
    {
        var plan = state.State.Plan!;
        await Index.ApplyAsync(Id, plan.Impact);
        await new BoundaryMover(GrainFactory, openTasks, audit).MoveAsync(plan, by, Today(), Id);
        state.State.Status = BoundaryChangeStatus.Applied;
        state.State.AppliedAtUtc = clock.GetUtcNow().UtcDateTime;
        state.State.Version++;
        await state.CommitAsync(this, logger);
        // The deadline never calls this grain while holding itself, so this cannot close a cycle.
        if (cancelResume) await Deadline.CancelAsync();
        logger.LogInformation("Boundary change {ChangeId} applied: {Residents} residents, {Workers} workers, {Tasks} tasks moved",
            Id, plan.Residents.Count, plan.Workers.Count, plan.Tasks.Count);
    }

    private string Id => this.GetPrimaryKeyString();

    private IDeadlineGrain Deadline => GrainFactory.GetGrain<IDeadlineGrain>($"boundary-change/{Id}");

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private BoundaryChangeInfo Info() => new(Id, state.State.Status, state.State.Plan!, state.State.PlannedAtUtc,
        state.State.AppliedAtUtc, state.State.RequestedBy, state.State.Version);
}
