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

    // The outbox, kept as "what is owed" beside the state it follows from: facts up to Version are
    // owed to the statistics, and a bad evaluation owes a rectification until it is opened.
    public int PublishedVersion { get; set; }
    public bool RectificationOpened { get; set; }
}

/// <summary>
/// A service record and its evaluation. Every change is saved first; its follow-ups (the fact to the
/// statistics, opening the rectification of a bad review) are owed in the saved state and paid after
/// the save, then again by a retry timer and on the next activation until paid, so a stored
/// evaluation always reaches the numbers and the rectification list.
/// No cycle with the rectification: this grain calls it only while no rectification can exist yet
/// (inside the first evaluation) or outside any turn (retries); the rectification's outcome calls
/// never make this grain call it back.
/// </summary>
public sealed class ServiceRecordGrain(
    [PersistentState("service-record", GridStorage.Name)] IPersistentState<ServiceRecordState> state,
    TimeProvider clock,
    ILogger<ServiceRecordGrain> logger) : Grain, IServiceRecordGrain, IEvaluationGrain
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);
    private IGrainTimer? _retry;
    private bool _draining;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Record is not null && Owes()) ScheduleRetry();
        return Task.CompletedTask;
    }

    public async Task<ServiceRegistration> RegisterAsync(ServiceRecordInfo info)
    {
        if (state.State.Record is { } stored) return new(stored, false);
        if (info.Id != this.GetPrimaryKeyString())
            throw new ArgumentException($"Service record {info.Id} cannot be stored under key {this.GetPrimaryKeyString()}.");
        state.State.Record = info;
        state.State.Version++;
        await state.CommitAsync(this, logger);
        await PayAsync(openRectification: false);
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
        await state.CommitAsync(this, logger);
        logger.LogInformation("Service record {RecordId} rated {Level} via {Channel}", record.Id, evaluation.Overall, evaluation.Channel);
        // The first evaluation: its rectification does not exist yet, so it cannot be calling us.
        await PayAsync(openRectification: true);
        return evaluation;
    }

    public async Task SetOutcomeAsync(RectificationOutcome outcome)
    {
        if (state.State.Record is null || outcome == state.State.Outcome) return;
        state.State.Outcome = outcome;
        // Only an opened rectification reports outcomes: its opening is paid.
        state.State.RectificationOpened |= state.State.Evaluation is not null;
        state.State.Version++;
        await state.CommitAsync(this, logger);
        await PayAsync(openRectification: false);
    }

    public Task<ServiceFact?> GetFactAsync() =>
        Task.FromResult(View() is { } v ? ServiceFact.From(v, state.State.Version) : null);

    private ServiceRecordView? View() => state.State.Record is { } r
        ? new ServiceRecordView(r, state.State.Evaluation, state.State.Outcome)
        : null;

    private bool OwesRectification() => state.State.Evaluation is { } e && e.Overall.IsBad() && !state.State.RectificationOpened;

    private bool Owes() => state.State.PublishedVersion < state.State.Version || OwesRectification();

    /// <summary>Pays what the saved state owes; a failure leaves it owed and arms the retry timer.</summary>
    private async Task PayAsync(bool openRectification)
    {
        if (_draining) return;
        _draining = true;
        try
        {
            if (openRectification && OwesRectification())
            {
                await GrainFactory.GetGrain<IRectificationGrain>(state.State.Record!.Id)
                    .OpenAsync(new RectificationOpening(state.State.Record!, state.State.Evaluation!));
                state.State.RectificationOpened = true;
                await state.CommitAsync(this, logger);
            }
            if (state.State.PublishedVersion < state.State.Version)
            {
                var fact = ServiceFact.From(View()!, state.State.Version);
                await Task.WhenAll(StatsKeys.For(fact).Select(k => GrainFactory.GetGrain<IServiceStatsGrain>(k).UpsertAsync(fact)));
                state.State.PublishedVersion = fact.Version;
                await state.CommitAsync(this, logger);
            }
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            logger.LogWarning(ex, "Follow-ups of service record {RecordId} failed; they will be retried", this.GetPrimaryKeyString());
        }
        finally
        {
            _draining = false;
        }
        if (Owes()) ScheduleRetry();
    }

    private void ScheduleRetry()
    {
        _retry ??= this.RegisterGrainTimer(ct =>
        {
            if (!Owes()) { _retry?.Dispose(); _retry = null; return Task.CompletedTask; }
            // Outside the timer's turn: the rectification may be calling this grain right now.
            _ = PayAsync(openRectification: true);
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions { DueTime = TimeSpan.FromSeconds(1), Period = RetryEvery, Interleave = true });
    }
}
