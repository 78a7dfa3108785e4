namespace Grid.Grains.Evaluations;

public static class SatisfactionLevels
{
    public static bool IsBad(this Satisfaction level) => level >= Satisfaction.Dissatisfied;
}

/// <summary>
/// A completed service that residents rate: an assisted-agency task, a window service or a delegated
/// item handled at a township. <see cref="HandledByUnitCode"/> is the region code of the unit that
/// handled it (the village's center, a township or a county hall); bad reviews are routed there.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.service-record-info")]
public sealed record ServiceRecordInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] ServiceRecordKind Kind,
    [property: Id(2)] string StaffId,
    [property: Id(3)] string StaffName,
    [property: Id(4)] string ItemCode,
    [property: Id(5)] string ItemName,
    [property: Id(6)] string VillageCode,
    [property: Id(7)] string HandledByUnitCode,
    [property: Id(8)] string HandledByUnitName,
    [property: Id(9)] DateTime CompletedAtUtc,
    [property: Id(10)] DateTime? StartedAtUtc,
    [property: Id(11)] string? ResidentId,
    [property: Id(12)] string? SourceId,
    [property: Id(13)] string RegisteredBy);

[GenerateSerializer, Immutable, Alias("grid.service-registration")]
public sealed record ServiceRegistration(
    [property: Id(0)] ServiceRecordInfo Record,
    [property: Id(1)] bool Created);

/// <summary>The indicators rated beside the overall level; any may be left out.</summary>
[GenerateSerializer, Immutable, Alias("grid.indicator-ratings")]
public sealed record IndicatorRatings(
    [property: Id(0)] Satisfaction? Efficiency,
    [property: Id(1)] Satisfaction? Attitude,
    [property: Id(2)] Satisfaction? GuideAccuracy,
    [property: Id(3)] Satisfaction? Convenience);

/// <summary>
/// A rating as the gateway hands it over. <see cref="EnteredBy"/> and <see cref="EnteredByRole"/>
/// name the account (or "link:{invitation}" and the invitee) that entered it; <see cref="Flag"/> says
/// why it is not independent of the server, or null.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.evaluation-submission")]
public sealed record EvaluationSubmission(
    [property: Id(0)] Satisfaction Overall,
    [property: Id(1)] IndicatorRatings Indicators,
    [property: Id(2)] string? Comment,
    [property: Id(3)] RatingChannel Channel,
    [property: Id(4)] string EnteredBy,
    [property: Id(5)] string? IdempotencyKey,
    [property: Id(6)] string? EnteredByRole = null,
    [property: Id(7)] string? Flag = null);

[GenerateSerializer, Immutable, Alias("grid.evaluation-info")]
public sealed record EvaluationInfo(
    [property: Id(0)] string RecordId,
    [property: Id(1)] Satisfaction Overall,
    [property: Id(2)] IndicatorRatings Indicators,
    [property: Id(3)] string? Comment,
    [property: Id(4)] RatingChannel Channel,
    [property: Id(5)] DateTime EvaluatedAtUtc,
    [property: Id(6)] string EnteredBy,
    [property: Id(7)] string? IdempotencyKey,
    [property: Id(8)] string? EnteredByRole = null,
    [property: Id(9)] string? Flag = null)
{
    /// <summary>
    /// Flagged: entered or made possible by the person who served (or registered) the service, e.g. a
    /// phone rating typed in by the window clerk who served. Counted, shown, and left out on request.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Flagged => Flag is not null;
}

/// <summary>What the rectification of a bad review has reached, as the statistics count it.</summary>
[GenerateSerializer, Immutable, Alias("grid.rectification-outcome")]
public sealed record RectificationOutcome(
    [property: Id(0)] bool CalledBack,
    [property: Id(1)] bool Resolved,
    [property: Id(2)] bool ResolvedOnTime,
    [property: Id(3)] bool Overdue,
    [property: Id(4)] bool Voided)
{
    public static readonly RectificationOutcome None = new(false, false, false, false, false);
}

[GenerateSerializer, Immutable, Alias("grid.service-record-view")]
public sealed record ServiceRecordView(
    [property: Id(0)] ServiceRecordInfo Record,
    [property: Id(1)] EvaluationInfo? Evaluation,
    [property: Id(2)] RectificationOutcome Outcome);
