using Grid.Contracts;
using Microsoft.JSInterop;

namespace Grid.Portal.Services;

/// <summary>
/// Web Push for a worker's phone: when the browser can and has not subscribed, the header offers a
/// button; its click asks for permission, subscribes with the server's VAPID key (wwwroot/js/grid.js)
/// and stores the subscription at the server. The service worker shows what arrives.
/// </summary>
public sealed class PushSetup(IJSRuntime js, ApiClient api)
{
    /// <summary>True while the button should show.</summary>
    public bool Offer { get; private set; }

    /// <summary>Returns whether <see cref="Offer"/> changed.</summary>
    public async Task<bool> CheckAsync()
    {
        var before = Offer;
        try
        {
            var state = await js.InvokeAsync<string>("grid.pushState");
            Offer = state is "default" && (await api.GetAsync<PushKeyDto>("api/notifications/push/key")).PublicKey is not null;
        }
        catch (Exception) { Offer = false; } // offline or no service worker: nothing to offer now
        return Offer != before;
    }

    public async Task EnableAsync()
    {
        var key = (await api.GetAsync<PushKeyDto>("api/notifications/push/key")).PublicKey;
        if (key is null) return;
        var sub = await js.InvokeAsync<PushSubscriptionRequest?>("grid.pushSubscribe", key);
        if (sub is not null) await api.PostAsync("api/notifications/push/subscriptions", sub);
        Offer = false;
    }
}
