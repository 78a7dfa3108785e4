using Grid.Contracts;

namespace Grid.Grains.Audit;

/// <summary>
/// The audit trail of personal data, for every feature: call <see cref="WriteAsync"/> on each read or
/// change of a resident's or worker's personal data, with the region the subject belongs to.
/// The write is durable when the task completes. See docs/audit-log.md.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(AuditActor actor, string action, string subjectType, string subjectId, string regionCode, string? details = null);

    /// <summary>
    /// Appends an entry as given, into the day of its <see cref="AuditEntry.AtUtc"/>. Give it an
    /// <see cref="AuditEntry.Id"/> when it may be sent again (an outbox re-delivery): it is kept once.
    /// </summary>
    Task AppendAsync(AuditEntry entry);

    /// <summary>Entries matching the filter in the regions given (county codes; the city code for city-wide subjects), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter, IReadOnlyList<string> countyCodes);
}

/// <summary>
/// Append-only, sharded by county and UTC day: one <see cref="IAuditDayGrain"/> per
/// "{countyCode}/{yyyy-MM-dd}". Writes spread over counties and roll over daily, so no grain's state
/// grows without bound; a query fans out over the (county, day) pairs of its window.
/// </summary>
public sealed class GrainAuditLog(IGrainFactory grains, TimeProvider clock) : IAuditLog
{
    public Task WriteAsync(AuditActor actor, string action, string subjectType, string subjectId, string regionCode, string? details = null)
    {
        var entry = new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserName, actor.Role, action, subjectType, subjectId, regionCode, details);
        return AppendAsync(entry);
    }

    public Task AppendAsync(AuditEntry entry) =>
        grains.GetGrain<IAuditDayGrain>(KeyOf(ShardOf(entry.RegionCode), DateOnly.FromDateTime(entry.AtUtc))).AppendAsync(entry);

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter, IReadOnlyList<string> countyCodes)
    {
        var days = new List<DateOnly>();
        for (var d = DateOnly.FromDateTime(filter.FromUtc); d.ToDateTime(TimeOnly.MinValue) < filter.ToUtc; d = d.AddDays(1)) days.Add(d);
        var reads = countyCodes.SelectMany(c => days.Select(d => grains.GetGrain<IAuditDayGrain>(KeyOf(c, d)).QueryAsync(filter)));
        var results = await Task.WhenAll(reads);
        return [.. results.SelectMany(r => r).OrderByDescending(e => e.AtUtc).ThenBy(e => e.Actor, StringComparer.Ordinal)];
    }

    /// <summary>The shard of a region: its county, or the city for codes above county level or outside any.</summary>
    public static string ShardOf(string regionCode) =>
        RegionCodes.IsValid(regionCode) && RegionCodes.LevelOf(regionCode) != RegionLevel.City
            ? RegionCodes.CountyOf(regionCode)
            : RegionCodes.City;

    public static string KeyOf(string shard, DateOnly day) => $"{shard}/{day:yyyy-MM-dd}";
}
