namespace Grid.Grains.Dispatch;

/// <summary>The "Grid:Dispatch" configuration section.</summary>
public sealed class DispatchOptions
{
    /// <summary>An offer not accepted within this time goes to the next candidate.</summary>
    public TimeSpan AcceptTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>After the promised time the center is told; this long after that, the township coordinator.</summary>
    public TimeSpan TownshipEscalationDelay { get; set; } = TimeSpan.FromHours(2);
    /// <summary>A check-in further than this from the resident's home is flagged (not refused).</summary>
    public double CheckInFarMeters { get; set; } = 500;
    public TimeSpan RoutinePromise { get; set; } = TimeSpan.FromHours(72);
    public TimeSpan DuePromise { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan UrgentPromise { get; set; } = TimeSpan.FromHours(4);
    /// <summary>Care-visit frequency rules; empty means <see cref="CareVisitPolicy.Defaults"/>.</summary>
    public List<CareVisitRule> CareVisitRules { get; set; } = [];

    public TimeSpan PromiseFor(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => UrgentPromise,
        Urgency.Due => DuePromise,
        _ => RoutinePromise,
    };

    public CareVisitPolicy CarePolicy() => new(CareVisitRules.Count > 0 ? CareVisitRules : CareVisitPolicy.Defaults);
}
