using Grid.Contracts;
using Grid.Grains.People;

namespace Grid.Grains.Dispatch;

/// <summary>
/// One rule of how often special-needs residents are visited: it applies inside
/// <see cref="RegionCode"/> to residents with all of <see cref="Needs"/> and at least
/// <see cref="MinCareLevel"/>.
/// </summary>
public sealed class CareVisitRule
{
    public string RegionCode { get; set; } = RegionCodes.City;
    public List<Need> Needs { get; set; } = [];
    public int MinCareLevel { get; set; }
    public int IntervalDays { get; set; } = 30;
}

/// <summary>
/// How often a resident is visited. The most specific region that has rules for the resident's
/// village decides (a township's rules replace the city's); among its matching rules the shortest
/// interval wins, so a resident who fits several rules is visited as often as the strictest asks.
/// </summary>
public sealed class CareVisitPolicy(IReadOnlyList<CareVisitRule> rules)
{
    public static IReadOnlyList<CareVisitRule> Defaults { get; } =
    [
        new() { Needs = [Need.Aged, Need.LivingAlone], IntervalDays = 7 },
        new() { Needs = [Need.SeverelyIll], IntervalDays = 7 },
        new() { MinCareLevel = 3, IntervalDays = 7 },
        new() { MinCareLevel = 2, IntervalDays = 14 },
        new() { IntervalDays = 30 },
    ];

    /// <summary>Days between visits, or null when no rule covers the resident.</summary>
    public int? IntervalDays(string villageCode, IReadOnlyCollection<Need> needs, int careLevel)
    {
        var local = rules.Where(r => RegionCodes.Contains(r.RegionCode, villageCode))
            .GroupBy(r => RegionCodes.PrefixOf(r.RegionCode).Length)
            .OrderByDescending(g => g.Key)
            .FirstOrDefault();
        var matching = local?.Where(r => careLevel >= r.MinCareLevel && r.Needs.All(needs.Contains)).ToList();
        return matching is { Count: > 0 } ? matching.Min(r => r.IntervalDays) : null;
    }

    /// <summary>The date the next visit is due: the last visit plus the interval, or today when never visited.</summary>
    public DateOnly? NextDue(string villageCode, IReadOnlyCollection<Need> needs, int careLevel, DateOnly? lastVisit, DateOnly today) =>
        IntervalDays(villageCode, needs, careLevel) is not { } days ? null
        : lastVisit is { } last ? last.AddDays(days) : today;
}
