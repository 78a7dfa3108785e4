using Grid.Contracts;

namespace Grid.Grains.Hotline;

[GenerateSerializer, Immutable, Alias("grid.hotline-actor")]
public sealed record HotlineActor([property: Id(0)] string UserName, [property: Id(1)] string Role);

/// <summary>A township or village unit (its region code) or a department (its id).</summary>
[GenerateSerializer, Immutable, Alias("grid.handling-unit")]
public sealed record HandlingUnit([property: Id(0)] HandlingUnitKind Kind, [property: Id(1)] string Id)
{
    public override string ToString() => $"{Kind}/{Id}";
}

/// <summary>
/// What intake knows: the classification, the place (a point, or an address with the region an agent
/// picked for it), the caller (personal data) and whether to dispatch to the place's township at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.work-order-intake")]
public sealed record WorkOrderIntake(
    [property: Id(0)] WorkOrderChannel Channel,
    [property: Id(1)] string Category,
    [property: Id(2)] WorkOrderGrade Grade,
    [property: Id(3)] Urgency Urgency,
    [property: Id(4)] string? ItemCode,
    [property: Id(5)] string Description,
    [property: Id(6)] double? Lat,
    [property: Id(7)] double? Lng,
    [property: Id(8)] string? Address,
    [property: Id(9)] string? RegionCode,
    [property: Id(10)] string? CallerName,
    [property: Id(11)] string? CallerPhone,
    [property: Id(12)] bool DispatchToTownship,
    [property: Id(13)] IReadOnlyDictionary<string, string>? Attributes = null,
    [property: Id(14)] string? Jurisdiction = null);

public enum WorkOrderAction { Dispatch, SignFor, Note, HandBack, RequestExtension, DecideExtension, Answer, Callback, Reopen, Merge, Attach, DispatchToGrid }

/// <summary>One step asked of an order; which fields matter depends on <see cref="Action"/>.</summary>
[GenerateSerializer, Immutable, Alias("grid.work-order-command")]
public sealed record WorkOrderCommand(
    [property: Id(0)] WorkOrderAction Action,
    [property: Id(1)] HandlingUnit? Unit = null,
    [property: Id(2)] string? Text = null,
    [property: Id(3)] int? Days = null,
    [property: Id(4)] bool? Approve = null,
    [property: Id(5)] Satisfaction? Rating = null,
    [property: Id(6)] bool? Resolved = null,
    [property: Id(7)] int? IfMatch = null,
    [property: Id(8)] string? IntoId = null,
    [property: Id(9)] WorkOrderAttachment? Attachment = null,
    [property: Id(10)] string? ResidentId = null);

/// <summary>One transition: who, when, what and why.</summary>
[GenerateSerializer, Immutable, Alias("grid.work-order-event")]
public sealed record WorkOrderEvent(
    [property: Id(0)] DateTime AtUtc, [property: Id(1)] string Actor, [property: Id(2)] string Action, [property: Id(3)] string? Detail);

[GenerateSerializer, Immutable, Alias("grid.work-order-extension")]
public sealed record ExtensionAsk([property: Id(0)] int WorkingDays, [property: Id(1)] string Reason, [property: Id(2)] DateTime AskedAtUtc);

/// <summary>A file's metadata on an order; the file itself lies on disk under its SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("grid.work-order-attachment")]
public sealed record WorkOrderAttachment(
    [property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string ContentType, [property: Id(3)] long Size,
    [property: Id(4)] string Sha256, [property: Id(5)] string By, [property: Id(6)] DateTime AtUtc);

/// <summary>An order merged into a survivor: its caller travels with it so the callback reaches both callers.</summary>
[GenerateSerializer, Immutable, Alias("grid.merged-order")]
public sealed record MergedOrder(
    [property: Id(0)] string Id, [property: Id(1)] string? CallerName, [property: Id(2)] string? CallerPhone,
    [property: Id(3)] DateTime AtUtc, [property: Id(4)] string By, [property: Id(5)] string Reason, [property: Id(6)] string Role);
