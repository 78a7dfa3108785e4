namespace Grid.Grains.Evaluations;

/// <summary>
/// A completed service that can be rated, keyed by its record id. Dispatch registers each completed
/// assisted-agency task here (record id = the task id); window staff register window services over HTTP.
/// </summary>
[Alias("grid.IServiceRecordGrain")]
public interface IServiceRecordGrain : IGrainWithStringKey
{
    /// <summary>
    /// Idempotent: the first registration wins; a later call with the same id changes nothing and
    /// returns the stored record with <c>Created = false</c>, so callers may retry freely. The first
    /// registration also invites the served resident (and each registered family proxy) to rate, by
    /// an SMS link queued in <see cref="IOutgoingSmsGrain"/>.
    /// </summary>
    [Alias("register")]
    Task<ServiceRegistration> RegisterAsync(ServiceRecordInfo info);

    /// <summary>
    /// The window slip's link, handed out once per record (a second print is 409); <paramref name="byServer"/>
    /// marks a slip printed by the person who served or registered the service, whose ratings are flagged.
    /// </summary>
    [Alias("print-slip")]
    Task<RatingSlip> PrintSlipAsync(string by, bool byServer);

    [Alias("get")]
    Task<ServiceRecordView?> GetAsync();
}

/// <summary>
/// The evaluation of one service record (one per record: 一次一评, 一事一评). The same grain as
/// <see cref="IServiceRecordGrain"/> under the same key, so "rated once" is decided in one place.
/// </summary>
[Alias("grid.IEvaluationGrain")]
public interface IEvaluationGrain : IGrainWithStringKey
{
    /// <summary>Rates the service; a second evaluation is refused (409) unless it repeats the first's idempotency key.</summary>
    [Alias("evaluate")]
    Task<EvaluationInfo> EvaluateAsync(EvaluationSubmission submission);

    /// <summary>What the rating link with this secret may do now; changes nothing.</summary>
    [Alias("check-link")]
    Task<RatingLinkCheck> CheckLinkAsync(string secret);

    /// <summary>
    /// Rates through an invitation: stored only when the link is Open (the answer then carries the
    /// evaluation); otherwise nothing changes and the answer says why (Unknown, Spent, Expired).
    /// </summary>
    [Alias("rate-by-link")]
    Task<RatingLinkCheck> RateByLinkAsync(string secret, EvaluationSubmission submission);

    /// <summary>Called by the rectification when callback, resolution, overdue or an appeal changes the numbers.</summary>
    [Alias("outcome")]
    Task SetOutcomeAsync(RectificationOutcome outcome);

    [Alias("fact")]
    Task<ServiceFact?> GetFactAsync();
}

/// <summary>Statistics of one worker, item or region for one month, fed by the evaluation grains.</summary>
[Alias("grid.IServiceStatsGrain")]
public interface IServiceStatsGrain : IGrainWithStringKey
{
    [Alias("upsert")]
    Task UpsertAsync(ServiceFact fact);

    [Alias("tally")]
    Task<EvaluationTally> TallyAsync(StatsFilter filter);

    [Alias("tally-by-item")]
    Task<IReadOnlyList<ItemTally>> TallyByItemAsync(StatsFilter filter);
}
