namespace Grid.Grains.Dispatch.Audit;

/// <summary>One audited dispatch step: who did what to which subject, in which region. Detail holds ids and codes, never personal data.</summary>
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
/// Where dispatch writes its audit trail: <see cref="GrainAuditTrail"/> forwards every step to the
/// shared audit log (<see cref="Grid.Grains.Audit.IAuditLog"/>), so an Admin finds task steps and
/// personal-data access in one place.
/// </summary>
public interface IAuditTrail
{
    Task WriteAsync(AuditEntry entry);
}
