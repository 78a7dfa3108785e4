using Grid.Grains.Common;
using Grid.Grains.People;
using Grid.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    /// <summary>Rating links issued for this record (SMS to the resident and proxies, the window slip); secrets are kept hashed.</summary>
    public List<RatingInvitation> Invitations { get; set; } = [];

    /// <summary>Invitation texts owed to the SMS queue; they leave the state once queued.</summary>
    public List<OutgoingSms> UnsentSms { get; set; } = [];
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
    IOptions<EvaluationOptions> options,
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
        // Read before the save: a resident who cannot be read fails the registration, and the caller retries.
        var resident = info.ResidentId is { } rid ? await GrainFactory.GetGrain<IResidentGrain>(rid).GetAsync() : null;
        var (invitations, sms) = Invitations().ForCompletion(info, resident);
        state.State.Record = info;
        state.State.Invitations.AddRange(invitations);
        state.State.UnsentSms.AddRange(sms);
        state.State.Version++;
        await state.CommitAsync(this, logger);
        await PayAsync(openRectification: false);
        return new(info, true);
    }

    public async Task<RatingSlip> PrintSlipAsync(string by, bool byServer)
    {
        var record = state.State.Record ?? throw new NotFoundException($"No service record has the id {this.GetPrimaryKeyString()}.");
        if (state.State.Evaluation is not null) throw new ConflictException($"Service record {record.Id} has already been rated.");
        if (state.State.Invitations.Find(i => i.Invitee == RatingInvitees.Slip) is { } printed)
            throw new ConflictException($"The rating slip of service record {record.Id} was printed on {ShanghaiTime.Show(printed.IssuedAtUtc):yyyy-MM-dd HH:mm} by {printed.IssuedBy}; a slip's link is shown once. The resident can still rate through the SMS link or the portal.");
        var (invitation, token) = Invitations().Slip(record, by, byServer);
        state.State.Invitations.Add(invitation);
        await state.CommitAsync(this, logger);
        logger.LogInformation("Rating slip {InvitationId} of service record {RecordId} printed by {By}", invitation.Id, record.Id, by);
        return new RatingSlip(token, invitation.ExpiresAtUtc);
    }

    public Task<RatingLinkCheck> CheckLinkAsync(string secret) => Task.FromResult(Check(secret).Check);

    public async Task<RatingLinkCheck> RateByLinkAsync(string secret, EvaluationSubmission submission)
    {
        var (check, invitation) = Check(secret);
        if (check.Status != RatingLinkStatus.Open) return check;
        var index = state.State.Invitations.IndexOf(invitation!);
        state.State.Invitations[index] = invitation! with { SpentAtUtc = clock.GetUtcNow().UtcDateTime };
        var flag = invitation!.IssuedByServer ? "The slip was printed by the staff member who served or registered the service." : null;
        var evaluation = await StoreAsync(submission with
        {
            Channel = RatingChannel.QrCode, EnteredBy = $"link:{invitation.Id}", EnteredByRole = invitation.Invitee, Flag = flag, IdempotencyKey = null,
        });
        return check with { Evaluation = evaluation };
    }

    private RatingInvitationIssuer Invitations() => new(clock, options.Value);

    private (RatingLinkCheck Check, RatingInvitation? Invitation) Check(string secret)
    {
        var hash = RatingLinks.Hash(secret);
        var invitation = state.State.Record is null ? null : state.State.Invitations.Find(i => i.SecretHash == hash);
        if (invitation is null) return (new(RatingLinkStatus.Unknown, null, default), null);
        var status = state.State.Evaluation is not null ? RatingLinkStatus.Spent
            : clock.GetUtcNow().UtcDateTime >= invitation.ExpiresAtUtc ? RatingLinkStatus.Expired
            : RatingLinkStatus.Open;
        return (new(status, View(), invitation.ExpiresAtUtc), invitation);
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
        return await StoreAsync(submission);
    }

    /// <summary>Saves the first evaluation (with whatever else the caller changed in the state), then pays its follow-ups.</summary>
    private async Task<EvaluationInfo> StoreAsync(EvaluationSubmission submission)
    {
        var record = state.State.Record!;
        var evaluation = new EvaluationInfo(record.Id, submission.Overall, submission.Indicators, submission.Comment,
            submission.Channel, clock.GetUtcNow().UtcDateTime, submission.EnteredBy, submission.IdempotencyKey,
            submission.EnteredByRole, submission.Flag);
        state.State.Evaluation = evaluation;
        state.State.Version++;
        await state.CommitAsync(this, logger);
        logger.LogInformation("Service record {RecordId} rated {Level} via {Channel} by {EnteredBy}{Flag}", record.Id, evaluation.Overall,
            evaluation.Channel, evaluation.EnteredBy, evaluation.Flagged ? " (flagged)" : "");
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

    private bool Owes() => state.State.PublishedVersion < state.State.Version || OwesRectification() || state.State.UnsentSms.Count > 0;

    /// <summary>Pays what the saved state owes; a failure leaves it owed and arms the retry timer.</summary>
    private async Task PayAsync(bool openRectification)
    {
        if (_draining) return;
        _draining = true;
        try
        {
            if (state.State.UnsentSms.Count > 0)
            {
                var queue = GrainFactory.GetGrain<IOutgoingSmsGrain>(state.State.Record!.VillageCode);
                foreach (var sms in state.State.UnsentSms.ToList()) await queue.QueueAsync(sms);
                state.State.UnsentSms.Clear();
                await state.CommitAsync(this, logger);
            }
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
