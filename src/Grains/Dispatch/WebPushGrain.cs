using Grid.Grains.Common;
using Grid.Storage;
using Orleans.Concurrency;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Dispatch;

/// <summary>A browser's push subscription (the PushManager's endpoint and keys).</summary>
[GenerateSerializer, Immutable, Alias("grid.push-subscription")]
public sealed record PushSubscriptionRecord(
    [property: Id(0)] string Endpoint,
    [property: Id(1)] string P256dh,
    [property: Id(2)] string Auth,
    [property: Id(3)] DateTime SavedAtUtc);

/// <summary>
/// The push subscriptions of one addressee, keyed like its inbox ("worker/{id}", "region/{code}"): the
/// inbox tells it each notice after storing it, and it sends a Web Push to every subscribed browser.
/// </summary>
[Alias("grid.IWebPushGrain")]
public interface IWebPushGrain : IGrainWithStringKey
{
    /// <summary>Stores (or refreshes) a subscription, by endpoint.</summary>
    [Alias("subscribe")] Task SubscribeAsync(PushSubscriptionRecord subscription);
    [Alias("unsubscribe")] Task<bool> UnsubscribeAsync(string endpoint);
    [Alias("list")] Task<IReadOnlyList<PushSubscriptionRecord>> ListAsync();
    /// <summary>Best effort: a push that fails is logged; one the push service calls gone (404/410) removes its subscription.</summary>
    [OneWay, Alias("send")] Task SendAsync(Notification notification);
}

[GenerateSerializer, Alias("grid.push-subscriptions")]
public sealed class WebPushState
{
    [Id(0)] public List<PushSubscriptionRecord> Items { get; set; } = [];
}

public sealed class WebPushGrain(
    [PersistentState("webpush", GridStorage.Name)] IPersistentState<WebPushState> state, IServiceProvider services, ILogger<WebPushGrain> logger) : Grain, IWebPushGrain
{
    // Optional: a host without AddGridNotifications (a bare test silo) stores subscriptions and sends nothing.
    private readonly IWebPushSender? _sender = services.GetService(typeof(IWebPushSender)) as IWebPushSender;

    /// <summary>A person with more browsers than this drops the oldest subscription.</summary>
    public const int Keep = 10;

    public async Task SubscribeAsync(PushSubscriptionRecord subscription)
    {
        var before = state.State.Items;
        var items = before.Where(s => s.Endpoint != subscription.Endpoint).Append(subscription).TakeLast(Keep).ToList();
        await SaveAsync(before, items);
    }

    public async Task<bool> UnsubscribeAsync(string endpoint)
    {
        var before = state.State.Items;
        if (!before.Any(s => s.Endpoint == endpoint)) return false;
        await SaveAsync(before, [.. before.Where(s => s.Endpoint != endpoint)]);
        return true;
    }

    public Task<IReadOnlyList<PushSubscriptionRecord>> ListAsync() => Task.FromResult<IReadOnlyList<PushSubscriptionRecord>>(state.State.Items);

    public async Task SendAsync(Notification notification)
    {
        if (state.State.Items.Count == 0 || _sender is not { } sender) return;
        var gone = new List<string>();
        foreach (var s in state.State.Items)
        {
            var outcome = await sender.SendAsync(s, notification);
            if (outcome == PushOutcome.Gone) gone.Add(s.Endpoint);
        }
        if (gone.Count == 0) return;
        logger.LogInformation("Removing {Count} expired push subscription(s) of {Inbox}", gone.Count, this.GetPrimaryKeyString());
        await SaveAsync(state.State.Items, [.. state.State.Items.Where(s => !gone.Contains(s.Endpoint))]);
    }

    private async Task SaveAsync(List<PushSubscriptionRecord> before, List<PushSubscriptionRecord> after)
    {
        state.State.Items = after;
        try { await state.WriteStateAsync(); }
        catch { state.State.Items = before; throw; }
    }
}
