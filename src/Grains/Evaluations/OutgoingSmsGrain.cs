using Grid.Grains.Common;
using Grid.Grains.People;
using Grid.Storage;

namespace Grid.Grains.Evaluations;

/// <summary>
/// Text messages waiting for the SMS gateway, one queue per village ("sms-outbox" rows). Either a
/// gateway adapter takes <see cref="PendingAsync"/> and acknowledges with <see cref="MarkSentAsync"/>,
/// or <see cref="SendPendingAsync"/> sends through the registered <see cref="ISmsSender"/>.
/// No HTTP route reads it, so staff never see a resident's link.
/// </summary>
[Alias("grid.IOutgoingSmsGrain")]
public interface IOutgoingSmsGrain : IGrainWithStringKey
{
    /// <summary>Idempotent by message id, so a sender's retry queues the message once.</summary>
    [Alias("queue")] Task QueueAsync(OutgoingSms message);

    [Alias("pending")] Task<IReadOnlyList<OutgoingSms>> PendingAsync(int take);

    [Alias("sent")] Task MarkSentAsync(IReadOnlyList<string> ids);

    /// <summary>Sends up to <paramref name="take"/> pending messages through the ISmsSender and marks those it accepted sent; returns how many.</summary>
    [Alias("send-pending")] Task<int> SendPendingAsync(int take);
}

/// <summary>
/// One row per unsent message: queuing and acknowledging cost one row each however long the queue. The
/// phone and the text (which holds the resident's rating link) are sealed in the row like any phone.
/// </summary>
public sealed class OutgoingSmsGrain(IGrainRowStore store, PersonalDataProtector protector, IServiceProvider services) : Grain, IOutgoingSmsGrain
{
    private readonly SortedDictionary<string, OutgoingSms> _pending = new(StringComparer.Ordinal);
    private GrainRows<OutgoingSms> _rows = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rows = new GrainRows<OutgoingSms>(store, "sms-outbox", this.GetPrimaryKeyString());
        foreach (var (key, stored) in await _rows.ReadAllAsync())
            _pending[key] = stored with { Phone = protector.OpenPhone(stored.Phone), Text = protector.OpenMessage(stored.Text) };
    }

    public async Task QueueAsync(OutgoingSms message)
    {
        if (_pending.ContainsKey(message.Id)) return;
        await _rows.UpsertAsync(message.Id, message with { Phone = protector.SealPhone(message.Phone), Text = protector.SealMessage(message.Text) });
        _pending[message.Id] = message;
    }

    public Task<IReadOnlyList<OutgoingSms>> PendingAsync(int take) =>
        Task.FromResult<IReadOnlyList<OutgoingSms>>([.. _pending.Values.OrderBy(m => m.QueuedAtUtc).Take(Math.Clamp(take, 1, 500))]);

    public async Task MarkSentAsync(IReadOnlyList<string> ids)
    {
        var known = ids.Where(_pending.ContainsKey).Distinct().ToList();
        if (known.Count == 0) return;
        await _rows.ApplyAsync([], known);
        foreach (var id in known) _pending.Remove(id);
    }

    public async Task<int> SendPendingAsync(int take)
    {
        // Looked up here, not injected: hosts that only queue (tests, adapters) need not register one.
        var sender = services.GetService(typeof(ISmsSender)) as ISmsSender
            ?? throw new InvalidOperationException("No ISmsSender is registered (AddGridNotifications registers the log-only one).");
        var sent = new List<string>();
        foreach (var m in await PendingAsync(take))
            if (await sender.SendAsync(m.Phone, m.Text)) sent.Add(m.Id);
        await MarkSentAsync(sent);
        return sent.Count;
    }
}
