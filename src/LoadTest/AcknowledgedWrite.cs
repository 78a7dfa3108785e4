namespace Grid.LoadTest;

/// <summary>
/// A write the API acknowledged (2xx): it must still be there after any fault. Key is the
/// Idempotency-Key it was sent with; Owner the worker who accepted a task; DueAt a deadline's time.
/// </summary>
public sealed record AcknowledgedWrite(string Kind, string Id, string? Key, string? Owner, DateTimeOffset At, DateTimeOffset? DueAt = null);
