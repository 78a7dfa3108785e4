using Grid.Grains.Common;
using Grid.Grains.Deadlines;
using Grid.Grains.Delegation;
using Grid.Grains.Audit;
using Grid.Grains.People;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Dispatch;

/// <summary>
/// Delivery of the task's outbox. Every receiver is idempotent for a repeated effect: lists are
/// brought in line with the task as it is now, inboxes and deadlines are keyed by id, a resident's
/// visit is a value it keeps once. None of them calls a task back.
/// </summary>
public sealed partial class TaskGrain
{
    private static class Effects
    {
        public const string Worker = "worker";
        public const string Board = "board";
        public const string Notify = "notify";
        public const string Deadline = "deadline";
        public const string Volume = "volume";
        public const string Visit = "visit";
        public const string ServiceRecord = "service-record";
        public const string Audit = "audit";
    }

    private Task DeliverAsync(OutboxEffect e)
    {
        switch (e.Kind)
        {
            case Effects.Worker:
                var list = GrainFactory.GetGrain<IWorkerTasksGrain>(e.Target);
                return S.Draft is not null && View().IsOpen && S.WorkerId == e.Target ? list.UpsertAsync(Summary()) : list.RemoveAsync(Id, S.Version);
            case Effects.Board:
                var board = GrainFactory.GetGrain<IVillageTasksGrain>(e.Target);
                return S.Draft is not null && View().IsOpen && S.VillageCode == e.Target ? board.UpsertAsync(Summary()) : board.RemoveAsync(Id, S.Version);
            case Effects.Notify:
                return GrainFactory.GetGrain<INotificationInboxGrain>(e.Target).AddAsync(new Notification(e.Id, e.AtUtc ?? Now, e.Arg ?? "", Id, e.Text ?? ""));
            case Effects.Deadline:
                return GrainFactory.GetGrain<IDeadlineGrain>($"task/{Id}/{e.Target}").ScheduleAsync(e.Target, e.AtUtc ?? Now, this.GetGrainId());
            case Effects.Volume:
                return GrainFactory.GetGrain<IRequestVolumeGrain>(S.Draft!.ItemCode).RecordOnceAsync(DeliveryId(e), e.Target, DateOnly.Parse(e.Arg!, global::System.Globalization.CultureInfo.InvariantCulture));
            case Effects.Visit:
                return GrainFactory.GetGrain<IResidentGrain>(e.Target).RecordVisitAsync(new VisitRecord(e.AtUtc ?? Now, e.Arg!, e.Text!, S.Draft!.ItemCode));
            case Effects.ServiceRecord:
                return RegisterServiceRecordNowAsync();
            case Effects.Audit:
                return audit.AppendAsync(new AuditEntry(e.AtUtc ?? Now, e.Arg ?? System, e.Arg is null or System ? AuditActor.System.Role : "User",
                    e.Target, "task", Id, e.Extra ?? S.VillageCode, e.Text, DeliveryId(e)));
            default:
                logger.LogError("Task {TaskId} dropped an outbox effect of unknown kind {Kind}", Id, e.Kind);
                return Task.CompletedTask;
        }
    }

    /// <summary>Unique per task and effect, and the same on every re-delivery: what receivers keep to count an effect once.</summary>
    private string DeliveryId(OutboxEffect e) => $"task/{Id}/{e.Id}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-driven after the call that woke us, so that a deadline calling us is not called back while it waits.
        this.RedriveSoon(state.State.Outbox, Driver);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.ForgetDeliveredAsync(_driver, logger, cancellationToken);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == OutboxDriver.ReminderName ? Driver.OnReminderAsync() : Task.CompletedTask;
}
