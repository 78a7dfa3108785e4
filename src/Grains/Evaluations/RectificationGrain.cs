using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Deadlines;
using Grid.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using S = Grid.Contracts.RectificationState;

namespace Grid.Grains.Evaluations;

public sealed class RectificationGrainState
{
    public RectificationInfo? Info { get; set; }
    public int DeadlineStep { get; set; }
    public bool DeadlineScheduled { get; set; }

    /// <summary>The deadline last acted on, so a re-delivered firing changes nothing.</summary>
    public string? HandledDeadline { get; set; }

    /// <summary>The outbox: the version of <see cref="Info"/> last told to the county index and the service record.</summary>
    public int ToldVersion { get; set; }
}

/// <summary>
/// Routes a bad review to the unit that handled the service and runs its clock: when the deadline
/// passes unresolved the rectification goes overdue and moves up one level (village → township →
/// county), which gets a fresh deadline of the same rule; the county is the last level.
/// Each change is saved, then told (index, service record outcome); what is not yet told is owed in
/// the saved state and retried. The service record never calls back while being told, and the
/// deadline never holds itself while telling this grain, so there is no call cycle.
/// </summary>
public sealed class RectificationGrain(
    [PersistentState("rectification", GridStorage.Name)] IPersistentState<RectificationGrainState> state,
    IOptions<EvaluationOptions> options,
    TimeProvider clock,
    ILogger<RectificationGrain> logger) : Grain, IRectificationGrain
{
    private IGrainTimer? _retry;
    private bool _telling;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Owes()) ScheduleRetry();
        return Task.CompletedTask;
    }

    public async Task<RectificationInfo> OpenAsync(RectificationOpening opening)
    {
        if (state.State.Info is null)
        {
            var (r, e) = (opening.Record, opening.Evaluation);
            var rule = options.Value.RuleFor(r.VillageCode);
            var due = rule.DueUtc(e.EvaluatedAtUtc, options.Value.Calendar());
            var now = clock.GetUtcNow().UtcDateTime;
            state.State.Info = new RectificationInfo(r.Id, 1, S.Open, e.Overall, e.Comment, r.ItemCode, r.ItemName,
                r.VillageCode, r.HandledByUnitCode, r.HandledByUnitName, r.HandledByUnitCode, 0, now, due, due, rule.Describe(),
                false, null, false, null, null, r.ResidentId,
                [new(RectificationStepKind.Opened, now, "system", $"Routed to {r.HandledByUnitName}; due {ShanghaiTime.Show(due):yyyy-MM-dd HH:mm} ({rule.Describe()}).", [])]);
            await state.CommitAsync(this, logger);
            logger.LogInformation("Rectification {RecordId} opened, due {DueUtc:o}", r.Id, due);
        }
        if (!state.State.DeadlineScheduled && state.State.Info.CurrentDueUtc is { } current)
            await ScheduleAsync(current);
        await TellAsync(pushOutcome: false);
        return state.State.Info;
    }

    public Task<RectificationInfo?> GetAsync() => Task.FromResult(state.State.Info);

    public async Task<RectificationInfo> ActAsync(RectificationAction action, int? expectedVersion)
    {
        var info = state.State.Info ?? throw new NotFoundException($"No rectification exists for service record {this.GetPrimaryKeyString()}.");
        if (expectedVersion is { } v && v != info.Version)
            throw new PreconditionFailedException($"The rectification is at version {info.Version}, not {v}; reload it and try again.");
        var now = clock.GetUtcNow().UtcDateTime;
        var next = RectificationSteps.Apply(info, action, now);
        next = next with { Version = info.Version + 1, Steps = [.. info.Steps, new(action.Kind, now, action.By, action.Note?.Trim(), action.Evidence)] };
        state.State.Info = next;
        await state.CommitAsync(this, logger);
        // Cancel of a deadline that is firing is a no-op there; OnDeadlineAsync then sees the resolved status.
        if (next.Status is S.Fixed or S.Explained or S.Withdrawn && state.State.DeadlineScheduled)
            await GrainFactory.GetGrain<IDeadlineGrain>(DeadlineId()).CancelAsync();
        await TellAsync(pushOutcome: true);
        return next;
    }

    public async Task OnDeadlineAsync(string deadlineId, string kind)
    {
        if (state.State.Info is not { } info || deadlineId != DeadlineId() || deadlineId == state.State.HandledDeadline) return;
        if (info.Status is S.Fixed or S.Explained or S.Closed or S.Withdrawn) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var up = ParentOf(info.ResponsibleRegion);
        DateTime? nextDue = up is null ? null : options.Value.RuleFor(info.VillageCode).DueUtc(now, options.Value.Calendar());
        var note = up is null
            ? $"Overdue at {info.ResponsibleRegion}; there is no higher level to escalate to."
            : $"Overdue: escalated from {info.ResponsibleRegion} to {up}, due {ShanghaiTime.Show(nextDue!.Value):yyyy-MM-dd HH:mm}.";
        state.State.Info = info with
        {
            Overdue = true, ResponsibleRegion = up ?? info.ResponsibleRegion, Escalations = info.Escalations + (up is null ? 0 : 1),
            CurrentDueUtc = nextDue, Version = info.Version + 1,
            Steps = [.. info.Steps, new(RectificationStepKind.Escalated, now, "system", note, [])],
        };
        state.State.HandledDeadline = deadlineId;
        if (nextDue is not null) { state.State.DeadlineStep++; state.State.DeadlineScheduled = false; }
        await state.CommitAsync(this, logger);
        logger.LogWarning("Rectification {RecordId} is overdue; now with {Region}", info.RecordId, state.State.Info.ResponsibleRegion);
        if (nextDue is { } due) await ScheduleAsync(due);
        await TellAsync(pushOutcome: true);
    }

    private string DeadlineId() => $"rectification/{this.GetPrimaryKeyString()}/{state.State.DeadlineStep}";

    private async Task ScheduleAsync(DateTime dueUtc)
    {
        await GrainFactory.GetGrain<IDeadlineGrain>(DeadlineId()).ScheduleAsync("rectification", dueUtc, this.GetGrainId());
        state.State.DeadlineScheduled = true;
        await state.CommitAsync(this, logger);
    }

    private bool Owes() => state.State.Info is { } i && state.State.ToldVersion < i.Version;

    /// <summary>Tells the index and (after the opening) the service record; a failure stays owed and is retried.</summary>
    private async Task TellAsync(bool pushOutcome)
    {
        if (_telling || !Owes()) return;
        _telling = true;
        try
        {
            var version = state.State.Info!.Version;
            await IndexAsync();
            // The opening came from the service record, which needs no outcome back; later versions do.
            if (pushOutcome || state.State.ToldVersion > 0) await PushOutcomeAsync();
            state.State.ToldVersion = version;
            await state.CommitAsync(this, logger);
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            logger.LogWarning(ex, "Telling the index and service record about rectification {RecordId} failed; retrying", this.GetPrimaryKeyString());
        }
        finally
        {
            _telling = false;
        }
        if (Owes()) ScheduleRetry();
    }

    private void ScheduleRetry()
    {
        _retry ??= this.RegisterGrainTimer(ct =>
        {
            if (!Owes()) { _retry?.Dispose(); _retry = null; return Task.CompletedTask; }
            _ = TellAsync(pushOutcome: true);
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions { DueTime = TimeSpan.FromSeconds(1), Period = TimeSpan.FromSeconds(5), Interleave = true });
    }

    private static string? ParentOf(string region) => RegionCodes.LevelOf(region) switch
    {
        RegionLevel.Village => RegionCodes.TownshipOf(region),
        RegionLevel.Township => RegionCodes.CountyOf(region),
        _ => null,
    };

    private Task IndexAsync()
    {
        var i = state.State.Info!;
        return GrainFactory.GetGrain<IRectificationIndexGrain>(RegionCodes.CountyOf(i.VillageCode)).UpsertAsync(new(
            i.RecordId, i.Status, i.Level, i.ItemName, i.VillageCode, i.HandledByUnitCode, i.ResponsibleRegion, i.Escalations,
            i.OpenedAtUtc, i.DueUtc, i.CurrentDueUtc, i.Overdue, i.Appeal is { Upheld: null }, i.Version));
    }

    private Task PushOutcomeAsync()
    {
        var i = state.State.Info!;
        var outcome = new RectificationOutcome(i.Steps.Any(s => s.Kind == RectificationStepKind.CallBack),
            i.ResolvedAtUtc is not null, i.ResolvedOnTime, i.Overdue, i.Status == S.Withdrawn);
        return GrainFactory.GetGrain<IEvaluationGrain>(i.RecordId).SetOutcomeAsync(outcome);
    }
}
