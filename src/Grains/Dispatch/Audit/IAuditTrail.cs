namespace Grid.Grains.Dispatch.Audit;

/// <summary>One audited step: who did what to which subject, in which region. Detail holds ids and codes, never personal data.</summary>
[GenerateSerializer, Immutable, Alias("grid.dispatch-audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTime AtUtc,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string SubjectType,
    [property: Id(4)] string SubjectId,
    [property: Id(5)] string RegionCode,
    [property: Id(6)] string? Detail);

/// <summary>
/// Where dispatch writes its audit trail. The default, <see cref="GrainAuditTrail"/>, logs each
/// entry (ids only) and keeps it in a per-village <see cref="IAuditLogGrain"/>. To send dispatch's
/// entries to the shared personal-data audit log instead, register another implementation of this
/// interface (AddGridDispatch uses TryAdd, so a registration made before it wins).
/// </summary>
public interface IAuditTrail
{
    Task WriteAsync(AuditEntry entry);
}

[Alias("grid.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    [Alias("append")] Task AppendAsync(AuditEntry entry);
    [Alias("recent")] Task<IReadOnlyList<AuditEntry>> RecentAsync(int take);
}
