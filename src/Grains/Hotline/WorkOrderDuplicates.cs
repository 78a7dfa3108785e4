using Grid.Geo;

namespace Grid.Grains.Hotline;

public static class DuplicateReasons
{
    public const string SameCaller = "SameCaller";
    public const string SamePlaceAndCategory = "SamePlaceAndCategory";
}

/// <summary>A likely duplicate of an order, why, and how far apart the two points are (when both have one).</summary>
public sealed record DuplicateProposal(WorkOrderSummary Order, IReadOnlyList<string> Reasons, double? DistanceMeters);

/// <summary>
/// Proposes likely duplicates to the agent at intake: other open, unmerged orders received within the
/// window of this one, from the same caller (by phone hash), or at the same place (same grid, or
/// points within the radius) in the same category. The agent decides; nothing is merged here.
/// </summary>
public static class WorkOrderDuplicates
{
    public static IReadOnlyList<DuplicateProposal> Find(WorkOrderSummary order, IEnumerable<WorkOrderSummary> others, TimeSpan window, double radiusMeters) =>
        [.. others.Where(o => o.Id != order.Id && o.IsOpen && o.MergedInto is null && (o.ReceivedAtUtc - order.ReceivedAtUtc).Duration() <= window)
            .DistinctBy(o => o.Id)
            .Select(o => Propose(order, o, radiusMeters))
            .OfType<DuplicateProposal>()
            .OrderByDescending(p => p.Reasons.Count).ThenBy(p => p.DistanceMeters ?? double.MaxValue).ThenByDescending(p => p.Order.ReceivedAtUtc)];

    private static DuplicateProposal? Propose(WorkOrderSummary order, WorkOrderSummary other, double radiusMeters)
    {
        double? distance = order is { Lat: { } aLat, Lng: { } aLng } && other is { Lat: { } bLat, Lng: { } bLng }
            ? Math.Round(GeoDistance.HaversineMeters(aLat, aLng, bLat, bLng), 1) : null;
        var reasons = new List<string>(2);
        if (order.CallerHash is { } hash && hash == other.CallerHash) reasons.Add(DuplicateReasons.SameCaller);
        var samePlace = (order.GridId is { } grid && grid == other.GridId) || distance <= radiusMeters;
        if (samePlace && order.Category == other.Category) reasons.Add(DuplicateReasons.SamePlaceAndCategory);
        return reasons.Count == 0 ? null : new DuplicateProposal(other, reasons, distance);
    }
}
