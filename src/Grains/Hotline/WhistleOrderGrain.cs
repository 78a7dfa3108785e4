using Grid.Contracts;
using Grid.Grains.Audit;
using Grid.Grains.Common;
using Grid.Grains.Deadlines;
using Grid.Grains.Dispatch;
using Grid.Grains.Evaluations;
using Grid.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Hotline;

/// <summary>
/// A whistle order (吹哨派单, Art. 31). Writes follow the work order's beat: decide on a copy (list
/// syncs, the report-in deadline, notices and audit lines go into the state's outbox), commit, then
/// deliver. Receivers never call the order back.
/// </summary>
public sealed class WhistleOrderGrain(
    [PersistentState("whistleorder", GridStorage.Name)] IPersistentState<WhistleOrderState> state,
    IOptions<HotlineOptions> options,
    IOptions<EvaluationOptions> calendarOptions,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<WhistleOrderGrain> logger) : Grain, IWhistleOrderGrain, IRemindable
{
    private const string System = "system";
    private const string DeadlineKind = "report";
    private WhistleOrderState? _work;
    private OutboxDriver? _driver;

    private WhistleOrderState S => _work ?? state.State;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string Id => this.GetPrimaryKeyString();
    private OutboxDriver Driver => _driver ??= new(this, () => state.State.Outbox, DeliverAsync, logger);

    public async Task<WhistleView> IssueAsync(WhistleIssue issue, HotlineActor actor)
    {
        if (S.Issue is not null) return View();
        var valid = WhistleRules.Validate(issue);
        var due = new WorkOrderClock(calendarOptions.Value.Calendar(), options.Value.DrillMinutesFor(valid.TownshipCode)).After(Now, valid.WorkingDays);
        await WriteAsync(() =>
        {
            S.Issue = valid;
            S.IssuedBy = actor.UserName;
            S.IssuedAtUtc = Now;
            S.DueUtc = due;
            Record(actor.UserName, "issued", $"to {string.Join(", ", valid.Departments)}; report in within {valid.WorkingDays} working day(s)");
            foreach (var d in valid.Departments)
                S.Outbox.Enqueue("notify", "department/" + d, "whistle", $"吹哨派单 {Id}: {valid.Matter}（{valid.Place}）, 请于 {Shanghai(due)} 前报到。", Now);
            S.Outbox.Enqueue("deadline", DeadlineKind, atUtc: due);
            Audit(actor, "whistle.issue", $"township={valid.TownshipCode} departments={valid.Departments.Count}");
            return true;
        });
        return View();
    }

    public Task<WhistleView?> GetAsync() => Task.FromResult(S.Issue is null ? null : View());

    public async Task<WhistleView> ReportInAsync(HotlineActor actor, string department, string note)
    {
        var issue = S.Issue ?? throw new NotFoundException($"No whistle order has the id {Id}.");
        if (!issue.Departments.Contains(department))
            throw ValidationException.For("department", $"'{department}' is not summoned by this whistle order; it summons {string.Join(", ", issue.Departments)}.");
        if (S.Closed) throw new ConflictException("The whistle order is closed.");
        if (S.Reports.Exists(r => r.Department == department)) throw new ConflictException($"{department} has already reported in.");
        var text = WorkOrderRules.Reason(note, "Say what the department found or will do (报到说明).", "note");
        await WriteAsync(() =>
        {
            var report = new WhistleReport(department, Now, actor.UserName, text, Now <= S.DueUtc);
            S.Reports.Add(report);
            Record(actor.UserName, "reported-in", $"{department}, {(report.OnTime ? "on time" : "late")}: {text}");
            Audit(actor, "whistle.report-in", $"department={department} onTime={report.OnTime}");
            return true;
        });
        return View();
    }

    public async Task<WhistleView> CloseAsync(HotlineActor actor, string? note)
    {
        if (S.Issue is null) throw new NotFoundException($"No whistle order has the id {Id}.");
        if (S.Closed) return View();
        var missing = Summary().NotReported;
        if (missing.Count > 0) throw new ConflictException($"Not every department has reported in yet: {string.Join(", ", missing)}.");
        var why = WorkOrderRules.Optional(note);
        await WriteAsync(() =>
        {
            S.Closed = true;
            Record(actor.UserName, "closed", why);
            Audit(actor, "whistle.close", why ?? "all reported");
            return true;
        });
        return View();
    }

    /// <summary>The report-in time ran out: the departments still missing are told and the township hears who they are.</summary>
    public async Task OnDeadlineAsync(string deadlineId, string kind)
    {
        // The firing deadline grain is calling us: re-sending its schedule now would call it back.
        if (state.State.Outbox.Pending.RemoveAll(e => e.Kind == "deadline") > 0) Driver.StoredCopyStale = true;
        if (S.Issue is null || S.Closed || S.OverdueMarked || kind != DeadlineKind) return;
        var missing = Summary().NotReported;
        if (missing.Count == 0) return;
        await WriteAsync(() =>
        {
            S.OverdueMarked = true;
            Record(System, "overdue", "not reported in: " + string.Join(", ", missing));
            foreach (var d in missing) S.Outbox.Enqueue("notify", "department/" + d, "whistle-overdue", $"吹哨派单 {Id} 已超过报到时限, 请立即报到。", Now);
            S.Outbox.Enqueue("notify", Inboxes.Region(S.Issue!.TownshipCode), "whistle-overdue", $"吹哨派单 {Id} 未按时报到: {string.Join("、", missing)}", Now);
            Audit(new HotlineActor(System, AuditActor.System.Role), "whistle.overdue", "missing=" + string.Join(",", missing));
            return true;
        });
    }

    private async Task WriteAsync(Func<bool> decide)
    {
        var before = state.State;
        var work = StateCopy.Of(before);
        _work = work;
        try
        {
            if (!decide()) return;
            work.Version++;
            foreach (var list in Lists(work)) work.Outbox.Enqueue("list", list, id: "list/" + list);
        }
        finally
        {
            _work = null;
        }
        await state.CommitAndDeliverAsync(before, work, this, Driver, logger);
    }

    private static IEnumerable<string> Lists(WhistleOrderState s) =>
        [WhistleLists.City, WhistleLists.Township(s.Issue!.TownshipCode), .. s.Issue.Departments.Select(WhistleLists.Department)];

    private Task DeliverAsync(OutboxEffect e) => e.Kind switch
    {
        "list" => GrainFactory.GetGrain<IWhistleListGrain>(e.Target).UpsertAsync(Summary()),
        "notify" => GrainFactory.GetGrain<INotificationInboxGrain>(e.Target).AddAsync(new Notification($"whistle/{Id}/{e.Id}", e.AtUtc ?? Now, e.Arg ?? "", Id, e.Text ?? "")),
        "deadline" => GrainFactory.GetGrain<IDeadlineGrain>($"whistle/{Id}/{e.Target}").ScheduleAsync(e.Target, e.AtUtc ?? Now, this.GetGrainId()),
        "audit" => audit.AppendAsync(new AuditEntry(e.AtUtc ?? Now, e.Arg ?? System, e.Extra ?? AuditActor.System.Role,
            e.Target, "whistle", Id, S.Issue?.TownshipCode ?? RegionCodes.City, e.Text, $"whistle/{Id}/{e.Id}")),
        _ => Task.CompletedTask,
    };

    private void Record(string actor, string action, string? detail) => S.History.Add(new WorkOrderEvent(Now, actor, action, detail));

    private void Audit(HotlineActor actor, string action, string detail) => S.Outbox.Enqueue("audit", action, actor.UserName, detail, Now, actor.Role);

    private WhistleSummary Summary() => new(Id, S.Issue!.TownshipCode, S.Issue.Matter, S.Issue.Departments, S.IssuedAtUtc, S.DueUtc, [.. S.Reports], S.Closed, S.Version);

    private WhistleView View() => new(Summary(), S.Issue!.Place, S.IssuedBy, [.. S.History]);

    private static string Shanghai(DateTime utc) =>
        ShanghaiTime.Show(utc).ToString("yyyy-MM-dd HH:mm", global::System.Globalization.CultureInfo.InvariantCulture);

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
