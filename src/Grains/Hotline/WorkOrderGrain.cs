using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Geography;
using Grid.Grains.Audit;
using Grid.Grains.Dispatch;
using Grid.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Hotline;

/// <summary>
/// A 12345 work order. Every write follows the project's beat (as the task's does): decide on a copy of the state (effects on
/// lists, deadlines, notices and the audit log go into the state's outbox), commit, then deliver the
/// outbox and answer. No receiver calls an order back, and the order calls only downward (locate).
/// </summary>
public sealed partial class WorkOrderGrain(
    [PersistentState("workorder", GridStorage.Name)] IPersistentState<WorkOrderState> state,
    IOptions<HotlineOptions> options,
    IOptions<EvaluationOptions> calendarOptions,
    IOptions<DispatchOptions> dispatchOptions,
    IServiceItemLookup items,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<WorkOrderGrain> logger) : Grain, IWorkOrderGrain, IRemindable
{
    private const string System = "system";
    private WorkOrderState? _work;
    private OutboxDriver? _driver;

    private WorkOrderState S => _work ?? state.State;
    private HotlineOptions Options => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string Id => this.GetPrimaryKeyString();
    private OutboxDriver Driver => _driver ??= new(this, () => state.State.Outbox, DeliverAsync, logger);

    /// <summary>The working-day clock of the order's place (the one calendar Grid has, from the evaluation settings).</summary>
    private WorkOrderClock Clock => new(calendarOptions.Value.Calendar(), Options.DrillMinutesFor(RegionCode));

    private string? RegionCode => S.VillageCode ?? S.TownshipCode ?? S.Intake?.RegionCode;

    public async Task<WorkOrderView> CreateAsync(WorkOrderIntake intake, HotlineActor actor)
    {
        if (S.Intake is not null) return View();
        WorkOrderRules.Validate(intake);
        var place = intake is { Lat: { } lat, Lng: { } lng }
            ? await GrainFactory.GetGrain<ILocateReplicaGrain>(RegionCodes.City).LocateAsync(lat, lng)
                ?? throw ValidationException.For("lat", $"The point ({lat}, {lng}) lies outside Xianning; give WGS84 degrees of a place in the city.")
            : null;
        if (intake.Jurisdiction is { } scope && place is not null && !RegionCodes.Contains(scope, place.Village.Code))
            throw new ForbiddenException($"The point lies in {place.Township.Name}, outside the jurisdiction {scope} this key may file for.");
        await WriteAsync(() =>
        {
            S.Intake = intake;
            S.ReceivedAtUtc = Now;
            S.GridId = place?.Grid.Code;
            S.VillageCode = place?.Village.Code;
            S.TownshipCode = place?.Township.Code ?? TownshipOfAgentRegion(intake.RegionCode);
            S.CallerHash = CallerHash.Of(intake.CallerPhone, Options.CallerHashKey);
            Record(actor.UserName, "received", $"via {intake.Channel}");
            Record(actor.UserName, "classified", $"{intake.Category}, {intake.Grade}, {intake.Urgency}{(intake.ItemCode is null ? "" : ", item " + intake.ItemCode)}");
            Record(actor.UserName, "located", place is null ? $"address '{intake.Address}' in {intake.RegionCode}" : $"grid {place.Grid.Code} ({place.Village.Name}, {place.Township.Name})");
            Audit(actor, "workorder.create", $"channel={intake.Channel} category={intake.Category}");
            if (intake.DispatchToTownship && S.TownshipCode is { } township)
                Dispatch(actor, new HandlingUnit(HandlingUnitKind.Region, township), "the township of the place");
            return true;
        });
        return View();
    }

    public Task<WorkOrderView?> GetAsync() => Task.FromResult(S.Intake is null ? null : View());

    public async Task<WorkOrderView> ActAsync(HotlineActor actor, WorkOrderCommand command)
    {
        if (S.Intake is null) throw new NotFoundException($"No work order has the id {Id}.");
        if (command.IfMatch is { } expected && expected != S.Version)
            throw new PreconditionFailedException($"The work order is at version {S.Version}, not {expected}; reload it and try again.");
        // Reads of other grains come before the decision, which stays synchronous.
        var gridRequest = await PrepareAsync(actor, command);
        await WriteAsync(() =>
        {
            Apply(actor, command, gridRequest);
            Audit(actor, "workorder." + command.Action.ToString().ToLowerInvariant(), $"stage={S.Stage} unit={S.Unit}");
            return true;
        });
        return View();
    }

    private static string? TownshipOfAgentRegion(string? code) =>
        code is not null && RegionCodes.IsValid(code) && RegionCodes.LevelOf(code) is RegionLevel.Township or RegionLevel.Village
            ? RegionCodes.TownshipOf(code) : null;

    private void Record(string actor, string action, string? detail) => S.History.Add(new WorkOrderEvent(Now, actor, action, detail));

    /// <summary>Decides on a copy (<paramref name="decide"/> answers false for "nothing to do"), commits it with its effects, then delivers them.</summary>
    private async Task WriteAsync(Func<bool> decide)
    {
        var before = state.State;
        var work = StateCopy.Of(before);
        _work = work;
        try
        {
            if (!decide()) return;
            work.Version++;
            EnqueueListSyncs(before, work);
        }
        finally
        {
            _work = null;
        }
        await state.CommitAndDeliverAsync(before, work, this, Driver, logger);
    }

    internal WorkOrderSummary Summary() => new(Id, S.Intake!.Category, S.Intake.Grade, S.Stage, S.Unit, RegionCode, S.ReceivedAtUtc,
        S.SignForDueUtc, S.AnswerDueUtc, S.SignedAtUtc, S.AnsweredAtUtc, S.Supervisions, S.PendingExtension is not null,
        S.Rating, S.Resolved, S.Version, S.CallerHash, S.Intake.Lat, S.Intake.Lng, S.GridId, S.MergedInto);

    private WorkOrderView View() => new(Id, S.Intake!, S.GridId, S.VillageCode, S.TownshipCode, Summary(), S.PendingExtension,
        S.Extensions, S.Answer, [.. S.History], [.. S.Merged], [.. S.Attachments], S.TaskId);
}
