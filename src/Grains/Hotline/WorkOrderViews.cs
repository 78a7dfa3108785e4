using Grid.Contracts;

namespace Grid.Grains.Hotline;

/// <summary>An order as lists keep it: no personal data, and the clocks that statistics count.</summary>
[GenerateSerializer, Immutable, Alias("grid.work-order-summary")]
public sealed record WorkOrderSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Category,
    [property: Id(2)] WorkOrderGrade Grade,
    [property: Id(3)] WorkOrderStage Stage,
    [property: Id(4)] HandlingUnit? Unit,
    [property: Id(5)] string? RegionCode,
    [property: Id(6)] DateTime ReceivedAtUtc,
    [property: Id(7)] DateTime? SignForDueUtc,
    [property: Id(8)] DateTime? AnswerDueUtc,
    [property: Id(9)] DateTime? SignedAtUtc,
    [property: Id(10)] DateTime? AnsweredAtUtc,
    [property: Id(11)] int Supervisions,
    [property: Id(12)] bool ExtensionPending,
    [property: Id(13)] Satisfaction? Rating,
    [property: Id(14)] bool? Resolved,
    [property: Id(15)] int Version,
    [property: Id(16)] string? CallerHash = null,
    [property: Id(17)] double? Lat = null,
    [property: Id(18)] double? Lng = null,
    [property: Id(19)] string? GridId = null,
    [property: Id(20)] string? MergedInto = null)
{
    public bool SignedInTime => SignedAtUtc is { } s && SignForDueUtc is { } due && s <= due;
    public bool AnsweredInTime => AnsweredAtUtc is { } a && AnswerDueUtc is { } due && a <= due;
    public bool IsOpen => Stage is not WorkOrderStage.Closed;
}

/// <summary>The whole order, personal data included: the gateway decides who sees the caller.</summary>
[GenerateSerializer, Immutable, Alias("grid.work-order-view")]
public sealed record WorkOrderView(
    [property: Id(0)] string Id,
    [property: Id(1)] WorkOrderIntake Intake,
    [property: Id(2)] string? GridId,
    [property: Id(3)] string? VillageCode,
    [property: Id(4)] string? TownshipCode,
    [property: Id(5)] WorkOrderSummary Summary,
    [property: Id(6)] ExtensionAsk? PendingExtension,
    [property: Id(7)] int Extensions,
    [property: Id(8)] string? Answer,
    [property: Id(9)] IReadOnlyList<WorkOrderEvent> History,
    [property: Id(10)] IReadOnlyList<MergedOrder>? Merged = null,
    [property: Id(11)] IReadOnlyList<WorkOrderAttachment>? Attachments = null,
    [property: Id(12)] string? TaskId = null)
{
    /// <summary>The finest region the order lies in (village, else township, else the agent's region).</summary>
    public string? RegionCode => Summary.RegionCode;
}
