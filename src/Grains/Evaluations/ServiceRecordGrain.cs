using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Evaluations;

public sealed class ServiceRecordState
{
    public ServiceRecordInfo? Record { get; set; }
    public EvaluationInfo? Evaluation { get; set; }
    public RectificationOutcome Outcome { get; set; } = RectificationOutcome.None;
    public int Version { get; set; }
    public int PublishedVersion { get; set; }
    public bool RectificationOpened { get; set; }
}

/// <summary>
/// A service record and its evaluation. Follow-ups (publishing the fact to the statistics, opening the
/// rectification of a bad review) run after the state is saved and again on the next activation if
/// they failed, so a stored evaluation always reaches the numbers and the rectification list.
/// </summary>
public sealed class ServiceRecordGrain(
    [PersistentState("service-record", GridStorage.Name)] IPersistentState<ServiceRecordState> state,
    TimeProvider clock,
    ILogger<ServiceRecordGrain> logger) : Grain, IServiceRecordGrain, IEvaluationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A timer, not an await: the call that activated this grain may come from the rectification,
        // which must not be called back before that call returns.
        if (state.State.Record is not null && NeedsFollowUp())
            this.RegisterGrainTimer(_ => TryFollowUpAsync(), new GrainTimerCreationOptions { DueTime = TimeSpan.FromSeconds(1), Period = Timeout.InfiniteTimeSpan });
        return Task.CompletedTask;
    }

    private bool NeedsFollowUp() =>
        state.State.PublishedVersion < state.State.Version
        || (state.State.Evaluation is { } e && e.Overall.IsBad() && !state.State.RectificationOpened);

    public async Task<ServiceRegistration> RegisterAsync(ServiceRecordInfo info)
    {
        if (state.State.Record is { } stored) return new(stored, false);
        if (info.Id != this.GetPrimaryKeyString())
            throw new ArgumentException($"Service record {info.Id} cannot be stored under key {this.GetPrimaryKeyString()}.");
        state.State.Record = info;
        state.State.Version++;
        await state.WriteStateAsync();
        await TryFollowUpAsync();
        return new(info, true);
    }

    public Task<ServiceRecordView?> GetAsync() => Task.FromResult(View());

    public async Task<EvaluationInfo> EvaluateAsync(EvaluationSubmission submission)
    {
        var record = state.State.Record ?? throw new NotFoundException($"No service record has the id {this.GetPrimaryKeyString()}.");
        if (state.State.Evaluation is { } existing)
        {
            if (submission.IdempotencyKey is { } key && key == existing.IdempotencyKey) return existing;
            throw new ConflictException($"Service record {record.Id} was already rated on {ShanghaiTime.Show(existing.EvaluatedAtUtc):yyyy-MM-dd HH:mm}; each service is rated once (一次一评, 一事一评).");
        }
        var evaluation = new EvaluationInfo(record.Id, submission.Overall, submission.Indicators, submission.Comment,
            submission.Channel, clock.GetUtcNow().UtcDateTime, submission.EnteredBy, submission.IdempotencyKey);
        state.State.Evaluation = evaluation;
        state.State.Version++;
        await state.WriteStateAsync();
        logger.LogInformation("Service record {RecordId} rated {Level} via {Channel}", record.Id, evaluation.Overall, evaluation.Channel);
        await TryFollowUpAsync();
        return evaluation;
    }

    public async Task SetOutcomeAsync(RectificationOutcome outcome)
    {
        if (state.State.Record is null || outcome == state.State.Outcome) return;
        state.State.Outcome = outcome;
        state.State.Version++;
        await state.WriteStateAsync();
        await TryFollowUpAsync();
    }

    public Task<ServiceFact?> GetFactAsync() =>
        Task.FromResult(View() is { } v ? ServiceFact.From(v, state.State.Version) : null);

    private ServiceRecordView? View() => state.State.Record is { } r
        ? new ServiceRecordView(r, state.State.Evaluation, state.State.Outcome)
        : null;

    private async Task TryFollowUpAsync()
    {
        try
        {
            if (state.State.Evaluation is { } e && e.Overall.IsBad() && !state.State.RectificationOpened)
            {
                await GrainFactory.GetGrain<IRectificationGrain>(e.RecordId).OpenAsync(new RectificationOpening(state.State.Record!, e));
                state.State.RectificationOpened = true;
                await state.WriteStateAsync();
            }
            if (state.State.PublishedVersion < state.State.Version)
            {
                var fact = ServiceFact.From(View()!, state.State.Version);
                await Task.WhenAll(StatsKeys.For(fact).Select(k => GrainFactory.GetGrain<IServiceStatsGrain>(k).UpsertAsync(fact)));
                state.State.PublishedVersion = fact.Version;
                await state.WriteStateAsync();
            }
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            // The evaluation is saved; the next activation or change retries the follow-ups.
            logger.LogWarning(ex, "Follow-ups of service record {RecordId} failed; they will be retried", this.GetPrimaryKeyString());
        }
    }
}
