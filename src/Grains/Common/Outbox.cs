using Microsoft.Extensions.Logging;

namespace Grid.Grains.Common;

/// <summary>
/// One side effect a grain owes others after a save (put a task in a worker's list, schedule a
/// deadline, send a notification…). It is plain data so it can be saved with the grain's state;
/// <see cref="Id"/> is unique within its grain and is what the receiver uses to stay idempotent.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.outbox-effect")]
public sealed record OutboxEffect(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Target,
    [property: Id(3)] string? Arg = null,
    [property: Id(4)] string? Text = null,
    [property: Id(5)] DateTime? AtUtc = null,
    [property: Id(6)] string? Extra = null);

/// <summary>
/// A durable outbox kept inside a grain's saved state: the grain's write decides the new state and
/// the effects that must follow it, <see cref="Enqueue"/>s them into the same state, commits once
/// (<see cref="StateCommit.CommitAsync{T}"/>), answers, and then <see cref="DrainAsync"/> delivers
/// them (in order per receiver). An effect leaves the outbox only once delivered, so a crash or a failed delivery
/// after the save loses nothing: the owner re-drives what is left from a timer, a reminder and on
/// activation (see <see cref="OutboxDriver"/>). Delivery is at least once, so every receiver must be
/// idempotent (keyed by the effect id or by the subject's id and version), and no receiver may call
/// back into the sender (that would be a call cycle).
/// </summary>
public sealed class Outbox
{
    public long Sequence { get; set; }
    public List<OutboxEffect> Pending { get; set; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Pending.Count == 0;

    /// <summary>Adds an effect; <paramref name="id"/> defaults to the next sequence number.</summary>
    public OutboxEffect Enqueue(string kind, string target, string? arg = null, string? text = null, DateTime? atUtc = null, string? extra = null, string? id = null)
    {
        var effect = new OutboxEffect(id ?? (++Sequence).ToString(System.Globalization.CultureInfo.InvariantCulture), kind, target, arg, text, atUtc, extra);
        // An id already pending (a "bring this list in line" effect, say) is delivered once.
        if (Pending.Exists(e => e.Id == effect.Id)) return effect;
        Pending.Add(effect);
        return effect;
    }

    /// <summary>
    /// Delivers pending effects: those for different receivers (kind and target) at once, those for
    /// one receiver in the order they were enqueued, each receiver's stopping at its first failure
    /// and leaving it and the rest for the next attempt. Returns how many were delivered. Never
    /// throws for a delivery failure: the owner's save already happened and its caller has been
    /// (or will be) answered.
    /// </summary>
    public async Task<int> DrainAsync(Func<OutboxEffect, Task> deliver, ILogger? logger = null)
    {
        var delivered = 0;
        // Continuations run one at a time on the grain's scheduler, so the shared list and count need no lock.
        await Task.WhenAll(Pending.GroupBy(e => (e.Kind, e.Target)).Select(async receiver =>
        {
            foreach (var effect in receiver.ToList())
            {
                try
                {
                    await deliver(effect);
                }
                catch (Exception ex)
                {
                    logger?.LogWarning(ex, "Outbox effect {Kind} → {Target} ({Id}) failed; it will be re-driven", effect.Kind, effect.Target, effect.Id);
                    return;
                }
                // The effect may have been removed meanwhile (a commit's re-read); remove by identity.
                Pending.Remove(effect);
                delivered++;
            }
        }).ToList());
        return delivered;
    }
}
