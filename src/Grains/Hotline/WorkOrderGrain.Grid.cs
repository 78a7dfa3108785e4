using System.Text.Json;
using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Dispatch;
using Grid.Grains.People;

namespace Grid.Grains.Hotline;

/// <summary>The assisted-agency request an order becomes when it goes straight to a grid worker, and who asked.</summary>
public sealed record GridRequest(string IntakeKey, TaskDraft Draft, TaskActor Actor);

/// <summary>
/// Dispatch straight to a grid worker: an assisted-agency order (it names a catalog item) for a resident
/// who needs help becomes a request through the request intake, exactly as POST /api/requests makes one
/// (the intake creates the task and offers it to the best worker). The order calls the intake and reads
/// the task; neither ever calls an order.
/// </summary>
public sealed partial class WorkOrderGrain
{
    /// <summary>What a step needs from other grains, read before the (synchronous) decision.</summary>
    private async Task<GridRequest?> PrepareAsync(HotlineActor actor, WorkOrderCommand c)
    {
        if (c.Action == WorkOrderAction.Answer && S.Stage == WorkOrderStage.HandledByGrid)
        {
            var task = await GrainFactory.GetGrain<ITaskGrain>(S.TaskId!).GetAsync();
            if (task?.Stage != TaskStage.Completed)
                throw new ConflictException($"The grid worker's request {S.TaskId} is {task?.Stage.ToString() ?? "not yet created"}; answer the caller once it is Completed.");
            return null;
        }
        if (c.Action != WorkOrderAction.DispatchToGrid) return null;
        RequireStage("dispatch to a grid worker", WorkOrderStage.Received, WorkOrderStage.HandedBack);
        var itemCode = S.Intake!.ItemCode
            ?? throw new ConflictException("Only an assisted-agency order goes to a grid worker: classify it with the catalog item first.");
        if (string.IsNullOrWhiteSpace(c.ResidentId) || c.ResidentId.Length > 40)
            throw ValidationException.For("residentId", "Give the id of the resident who needs the help, e.g. 421202001001-R001.");
        var resident = await GrainFactory.GetGrain<IResidentGrain>(c.ResidentId.Trim()).GetAsync()
            ?? throw ValidationException.For("residentId", $"No resident has the id {c.ResidentId}.");
        if (RegionCode is { } place && !RegionCodes.Contains(Widened(place), resident.VillageCode))
            throw ValidationException.For("residentId", $"The resident lives in {resident.VillageCode}, outside the order's place {place}.");
        var item = await items.FindAsync(itemCode)
            ?? throw ValidationException.For("itemCode", $"'{itemCode}' is not a service item of the catalog; reclassify the order.");
        var now = Now;
        var end = now + dispatchOptions.Value.PromiseFor(S.Intake.Urgency);
        var taskId = $"{resident.VillageCode}-T{Guid.NewGuid():N}"[..30];
        var note = WorkOrderRules.Optional(c.Text);
        var draft = new TaskDraft(taskId, TaskKind.Request, resident.Id, item.Code, [.. item.Skills.Order(StringComparer.Ordinal)], S.Intake.Urgency,
            now, end, end, new Requester(RequesterKind.HotlineOperator, RequestChannel.Hotline, actor.UserName, null),
            $"12345 工单 {Id}{(note is null ? "" : ": " + note)}");
        return new GridRequest($"workorder/{Id}/{S.Round + 1}", draft, new TaskActor(actor.UserName, actor.Role, resident.VillageCode, null));
    }

    /// <summary>A village order's resident may live anywhere in its township; a wider place holds its own.</summary>
    private static string Widened(string code) => RegionCodes.LevelOf(code) == RegionLevel.Village ? RegionCodes.TownshipOf(code) : code;

    /// <summary>The village's unit handles it through its grid worker; the worker takes it at once, so there is no sign-for clock.</summary>
    private void DispatchToGrid(HotlineActor actor, GridRequest request)
    {
        var village = request.Draft.Id[..12];
        NewRound(new HandlingUnit(HandlingUnitKind.Region, village), WorkOrderStage.HandledByGrid);
        S.TaskId = request.Draft.Id;
        S.SignForDueUtc = Now;
        S.SignedAtUtc = Now;
        Record(actor.UserName, "dispatched-to-grid", $"assisted-agency request {request.Draft.Id} for {request.Draft.ItemCode} in {village}");
        Schedule(AnswerKind, S.AnswerDueUtc!.Value);
        S.Outbox.Enqueue(Effects.GridRequest, request.IntakeKey, text: JsonSerializer.Serialize(request));
    }

    /// <summary>The request intake is keyed per order and round, so a re-delivered effect finds the same task.</summary>
    private async Task SubmitGridRequestAsync(OutboxEffect e)
    {
        var request = JsonSerializer.Deserialize<GridRequest>(e.Text!)!;
        await GrainFactory.GetGrain<IRequestIntakeGrain>(request.IntakeKey).SubmitAsync(Id, request.Draft, request.Actor);
    }
}
