using System.Text.Json;
using Grid.Contracts;
using Grid.Grains.Audit;
using Grid.Grains.Common;
using Grid.Grains.Deadlines;
using Grid.Grains.Dispatch;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Hotline;

/// <summary>
/// Delivery of the order's outbox, and its deadlines. Every receiver is idempotent: lists keep the
/// newest version of a summary, deadlines and notices are keyed by id, audit entries carry the
/// effect's id. None of them calls an order back.
/// </summary>
public sealed partial class WorkOrderGrain
{
    private static class Effects
    {
        public const string List = "list";
        public const string Notify = "notify";
        public const string Deadline = "deadline";
        public const string Audit = "audit";
        public const string Merge = "merge";
        public const string Rating = "rating";
        public const string GridRequest = "grid-request";
    }

    private string SignKind => $"sign:{S.Round}";
    private string AnswerKind => $"answer:{S.Round}:{S.Extensions}";

    /// <summary>Every list the order was or is on gets the newest summary; readers filter what no longer belongs.</summary>
    private static void EnqueueListSyncs(WorkOrderState before, WorkOrderState after)
    {
        void Sync(string list) => after.Outbox.Enqueue(Effects.List, list, id: "list/" + list);
        Sync(WorkOrderLists.Month(Evaluations.ShanghaiTime.MonthOf(after.ReceivedAtUtc)));
        if (before.Unit is { } previous && previous != after.Unit) Sync(WorkOrderLists.Unit(previous));
        if (after.Unit is { } current) Sync(WorkOrderLists.Unit(current));
        if (after.Supervisions > 0 || after.PendingExtension is not null || before.PendingExtension is not null)
            Sync(WorkOrderLists.Supervision(SupervisionArea(after)));
    }

    /// <summary>The county whose supervisors follow the order (the city's for an order without a place).</summary>
    private static string SupervisionArea(WorkOrderState s) =>
        (s.VillageCode ?? s.TownshipCode ?? s.Intake?.RegionCode) is { } code && RegionCodes.IsValid(code) ? RegionCodes.CountyOf(code) : RegionCodes.City;

    private Task DeliverAsync(OutboxEffect e) => e.Kind switch
    {
        Effects.List => GrainFactory.GetGrain<IWorkOrderListGrain>(e.Target).UpsertAsync(Summary()),
        Effects.Notify => GrainFactory.GetGrain<INotificationInboxGrain>(e.Target).AddAsync(new Notification(DeliveryId(e), e.AtUtc ?? Now, e.Arg ?? "", Id, e.Text ?? "")),
        Effects.Deadline => GrainFactory.GetGrain<IDeadlineGrain>($"workorder/{Id}/{e.Target}").ScheduleAsync(e.Target, e.AtUtc ?? Now, this.GetGrainId()),
        Effects.Audit => audit.AppendAsync(new AuditEntry(e.AtUtc ?? Now, e.Arg ?? System, e.Extra ?? AuditActor.System.Role,
            e.Target, "workorder", Id, RegionCode ?? RegionCodes.City, e.Text, DeliveryId(e))),
        Effects.Merge => GrainFactory.GetGrain<IWorkOrderGrain>(e.Target).AbsorbAsync(JsonSerializer.Deserialize<MergedOrder>(e.Text!)!),
        Effects.Rating => RateAsync(e),
        Effects.GridRequest => SubmitGridRequestAsync(e),
        _ => Unknown(e),
    };

    private Task Unknown(OutboxEffect e)
    {
        logger.LogError("Work order {OrderId} dropped an outbox effect of unknown kind {Kind}", Id, e.Kind);
        return Task.CompletedTask;
    }

    private string DeliveryId(OutboxEffect e) => $"workorder/{Id}/{e.Id}";

    private void Schedule(string kind, DateTime dueUtc) => S.Outbox.Enqueue(Effects.Deadline, kind, atUtc: dueUtc);

    /// <summary>A unit's head hears of it in the unit's inbox: a region's coordinators, or the department.</summary>
    private void Notify(HandlingUnit unit, string kind, string message) =>
        S.Outbox.Enqueue(Effects.Notify, unit.Kind == HandlingUnitKind.Region ? Inboxes.Region(unit.Id) : "department/" + unit.Id, kind, message, Now);

    private void Audit(HotlineActor actor, string action, string detail) =>
        S.Outbox.Enqueue(Effects.Audit, action, actor.UserName, detail, Now, actor.Role);

    /// <summary>
    /// A clock ran out: an order not signed for, or not answered, by its due time goes to supervision
    /// (督办) and the unit's head is told. A deadline of an earlier round or extension is stale and ignored.
    /// </summary>
    public async Task OnDeadlineAsync(string deadlineId, string kind)
    {
        // A deadline that fires was scheduled; re-sending it now would call the deadline grain that is calling us.
        if (state.State.Outbox.Pending.RemoveAll(e => e.Kind == Effects.Deadline && e.Target == kind) > 0) Driver.StoredCopyStale = true;
        if (S.Intake is null) return;
        var overdue = kind == SignKind && S.Stage == WorkOrderStage.Dispatched ? "not signed for within its time limit"
            : kind == AnswerKind && S.Stage is WorkOrderStage.Dispatched or WorkOrderStage.SignedFor or WorkOrderStage.HandledByGrid ? "not answered within its time limit"
            : null;
        if (overdue is null) return;
        await WriteAsync(() =>
        {
            S.Supervisions++;
            Record(System, "supervised", $"{S.Unit}: {overdue}");
            Notify(S.Unit!, "supervision", $"12345 工单 {Id} 超时{(kind.StartsWith("sign", StringComparison.Ordinal) ? "未签收" : "未办结")}, 已列入督办。");
            Audit(new HotlineActor(System, AuditActor.System.Role), "workorder.supervised", $"{kind} unit={S.Unit}");
            return true;
        });
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RedriveSoon(state.State.Outbox, Driver);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.ForgetDeliveredAsync(_driver, logger, cancellationToken);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == OutboxDriver.ReminderName ? Driver.OnReminderAsync() : Task.CompletedTask;
}
