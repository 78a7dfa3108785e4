using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Deadlines;

namespace Grid.Grains.Dispatch;

public sealed partial class TaskGrain
{
    private const string System = "system";

    private DispatchNeed Need() => new(S.GridId, S.VillageCode, S.Draft!.Skills, S.HomeLat, S.HomeLng,
        S.Draft.WindowStartUtc, S.Draft.WindowEndUtc, S.Tried.ToHashSet());

    /// <summary>
    /// Offers the task to the best worker not yet tried; with nobody left it waits in the village queue
    /// and the center is told. The worker's list learns of the offer from the outbox after the save,
    /// so a failed save leaves no ghost offer; the scorer's load check keeps workers under capacity.
    /// </summary>
    private async Task OfferNextAsync(string actor)
    {
        S.WorkerId = S.WorkerName = S.Reason = null;
        var ranked = await new CandidateFinder(GrainFactory).RankAsync(Need(), S.Draft!.ResidentId, Now);
        if (ranked.Count > 0)
        {
            OfferTo(actor, ranked[0].Choice);
            return;
        }
        S.Stage = TaskStage.Queued;
        Record(actor, "queued", null, "no worker fits; waiting in the village queue");
        Notify(Inboxes.Region(S.VillageCode), "queued", $"任务 {Id} ({S.Draft.ItemCode}) 暂无合适网格员, 已进入本村(社区)待派队列, 请中心派单。");
    }

    private void OfferTo(string actor, DispatchChoice choice)
    {
        S.Stage = TaskStage.Offered;
        S.WorkerId = choice.WorkerId;
        S.WorkerName = choice.Name;
        S.Reason = choice.Reason;
        S.Offers++;
        GridMetrics.Offers.Add(1);
        Record(actor, "offered", choice.WorkerId, choice.Reason);
        Schedule($"offer:{S.Offers}", Now + Options.AcceptTimeout);
        Notify(Inboxes.Worker(choice.WorkerId), "offered", $"新任务 {Id} ({S.Draft!.ItemCode}, {S.Draft.Urgency}): {choice.Reason}。请在 {Options.AcceptTimeout.TotalMinutes:0} 分钟内接单。");
    }

    private async Task ReassignAsync(TaskActor actor, TaskCommand command)
    {
        if (actor.Role is not (Roles.CenterStaff or Roles.Coordinator or Roles.Admin))
            throw new ForbiddenException("Only the center or a coordinator may move a task to another worker.");
        RequireStage("move to another worker", TaskStage.Queued, TaskStage.Offered, TaskStage.Accepted);
        if (command.ExpectedWorkerId is { } expected && expected != S.WorkerId)
            throw new ConflictException($"The task is no longer with {expected}; it is with {S.WorkerId ?? "nobody"}.");
        if (string.IsNullOrWhiteSpace(command.WorkerId)) throw ValidationException.For("workerId", "Name the worker who should take the task.");
        if (command.WorkerId == S.WorkerId) throw new ConflictException($"The task is already with {command.WorkerId}.");
        var described = await new CandidateFinder(GrainFactory).DescribeAsync(Need() with { Excluded = [] }, S.Draft!.ResidentId, command.WorkerId, Now)
            ?? throw ValidationException.For("workerId", $"No worker has the id {command.WorkerId}.");
        var (candidate, choice) = described;
        if (!candidate.Active) throw new ConflictException($"Worker {candidate.WorkerId} is not active.");
        if (!candidate.GridIds.Contains(S.GridId) && candidate.VillageCode != S.VillageCode)
            throw new ConflictException($"Worker {candidate.WorkerId} serves neither the resident's grid nor its village.");
        var from = S.WorkerId;
        Record(actor.UserName, "reassigned", command.WorkerId, $"from {from ?? "queue"}: {command.Reason}");
        if (from is not null)
            Notify(Inboxes.Worker(from), "reassigned", $"任务 {Id} 已改派给其他网格员。");
        S.Tried.Remove(command.WorkerId);
        OfferTo(actor.UserName, choice);
    }

    public async Task OnDeadlineAsync(string deadlineId, string kind)
    {
        ForgetScheduleOf(kind);
        if (kind == ServiceRecordRetry)
        {
            if (S.Stage == TaskStage.Completed) await RegisterServiceRecordNowAsync();
            return;
        }
        if (S.Draft is null || !View().IsOpen) return;
        await WriteAsync(async () =>
        {
            if (kind == $"offer:{S.Offers}" && S.Stage == TaskStage.Offered)
            {
                Record(System, "offer-expired", S.WorkerId, $"not accepted within {Options.AcceptTimeout}");
                Notify(Inboxes.Worker(S.WorkerId!), "offer-expired", $"任务 {Id} 超时未接单, 已转派。");
                S.Tried.Add(S.WorkerId!);
                await OfferNextAsync(System);
            }
            else if (kind == "due:1" && S.EscalationLevel < 1)
            {
                S.EscalationLevel = 1;
                GridMetrics.Escalations.Add(1, new KeyValuePair<string, object?>("level", 1));
                Record(System, "overdue-center", S.WorkerId, "not done by the promised time; the center is told");
                Notify(Inboxes.Region(S.VillageCode), "overdue", $"任务 {Id} 已超过承诺时间未办结 (网格员 {S.WorkerId ?? "未派"})。");
                Schedule("due:2", Now + Options.TownshipEscalationDelay);
            }
            else if (kind == "due:2" && S.EscalationLevel < 2)
            {
                S.EscalationLevel = 2;
                GridMetrics.Escalations.Add(1, new KeyValuePair<string, object?>("level", 2));
                Record(System, "overdue-township", S.WorkerId, "still not done; the township coordinator is told");
                Notify(Inboxes.Region(RegionCodes.TownshipOf(S.VillageCode)), "overdue", $"任务 {Id} 超时未办结, 已升级至乡镇(街道)。");
            }
            else return false;
            Audit(System, "task.deadline." + kind, $"stage={S.Stage} worker={S.WorkerId}");
            return true;
        });
    }

    /// <summary>
    /// Each deadline gets its own grain; stale ones are recognised by kind and ignored rather than
    /// cancelled, because cancelling from here could wait on a deadline that is calling this task.
    /// </summary>
    private void Schedule(string kind, DateTime dueUtc) => S.Outbox.Enqueue(Effects.Deadline, kind, atUtc: dueUtc);

    private void Notify(string inbox, string kind, string message) =>
        S.Outbox.Enqueue(Effects.Notify, inbox, kind, message, Now, id: $"{Id}/{S.Version}/{kind}/{S.History.Count}");

    private void Audit(string actor, string action, string detail) =>
        S.Outbox.Enqueue(Effects.Audit, action, actor, detail, Now, S.VillageCode);

    /// <summary>
    /// A deadline that fires was scheduled, whatever the outbox says (its delivery's answer may have
    /// been lost); re-sending it now would call the deadline grain that is calling us.
    /// </summary>
    private void ForgetScheduleOf(string kind)
    {
        if (state.State.Outbox.Pending.RemoveAll(e => e.Kind == Effects.Deadline && e.Target == kind) > 0) Driver.StoredCopyStale = true;
    }

    private string Id => this.GetPrimaryKeyString();
}
