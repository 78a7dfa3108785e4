namespace Grid.Grains.Audit;

/// <summary>
/// One audited step: an access to personal data or a dispatch step. <see cref="Details"/> names
/// fields, ids or counts, never the personal values themselves (the log must not become a second
/// copy of the data). <see cref="Id"/>, when set, is stable across re-deliveries (an outbox
/// effect's id), so the log keeps the entry once however often it is sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTime AtUtc,
    [property: Id(1)] string Actor,
    [property: Id(2)] string ActorRole,
    [property: Id(3)] string Action,
    [property: Id(4)] string SubjectType,
    [property: Id(5)] string SubjectId,
    [property: Id(6)] string RegionCode,
    [property: Id(7)] string? Details,
    [property: Id(8)] string? Id = null);

/// <summary>Who did it, as the audit log records it.</summary>
[GenerateSerializer, Immutable, Alias("grid.audit-actor")]
public sealed record AuditActor([property: Id(0)] string UserName, [property: Id(1)] string Role)
{
    public static AuditActor System { get; } = new("system", "System");
}

/// <summary>A filter over audit entries: every non-null field must match; times are [FromUtc, ToUtc).</summary>
[GenerateSerializer, Immutable, Alias("grid.audit-filter")]
public sealed record AuditFilter(
    [property: Id(0)] string? SubjectId,
    [property: Id(1)] string? Actor,
    [property: Id(2)] DateTime FromUtc,
    [property: Id(3)] DateTime ToUtc)
{
    public bool Matches(AuditEntry e) =>
        e.AtUtc >= FromUtc && e.AtUtc < ToUtc
        && (SubjectId is null || e.SubjectId == SubjectId)
        && (Actor is null || string.Equals(e.Actor, Actor, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The head of a county-day: how many chunks are sealed (stored as rows of their own, never
/// rewritten) and the open chunk, fewer than <see cref="AuditDayGrain.ChunkSize"/> entries after
/// each write. A day stored before chunking has all its entries here; its next write seals them.
/// </summary>
public sealed class AuditDayState
{
    public int SealedChunks { get; set; }

    /// <summary>The open chunk, oldest first.</summary>
    public List<AuditEntry> Entries { get; set; } = [];
}

/// <summary>A sealed chunk: <see cref="AuditDayGrain.ChunkSize"/> entries, written once.</summary>
public sealed class AuditChunk
{
    public List<AuditEntry> Entries { get; set; } = [];
}
