using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Dispatch;

public enum PushOutcome { Sent, Gone, Failed, Disabled }

/// <summary>Sends one Web Push; replaceable (tests, another push library).</summary>
public interface IWebPushSender
{
    Task<PushOutcome> SendAsync(PushSubscriptionRecord subscription, Notification notification);
}

/// <summary>VAPID keys (base64url: the uncompressed P-256 public point and the private scalar) and the contact subject.</summary>
public sealed class VapidOptions
{
    public string? PublicKey { get; set; }
    public string? PrivateKey { get; set; }
    public string Subject { get; set; } = "mailto:grid-admin@example.invalid";

    public bool Configured => !string.IsNullOrEmpty(PublicKey) && !string.IsNullOrEmpty(PrivateKey);

    /// <summary>A fresh key pair, as web-push tools make them.</summary>
    public static (string PublicKey, string PrivateKey) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(true);
        return (Base64Url([0x04, .. p.Q.X!, .. p.Q.Y!]), Base64Url(p.D!));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Lib.Net.Http.WebPush with VAPID (aes128gcm payload, "vapid t=…, k=…" authorization).</summary>
public sealed class WebPushSender(IOptions<VapidOptions> options, ILogger<WebPushSender> logger) : IWebPushSender
{
    // One client for the process: push services are few hosts, and a socket per push would exhaust ports.
    private static readonly PushServiceClient Client = new(new HttpClient { Timeout = TimeSpan.FromSeconds(10) });

    public async Task<PushOutcome> SendAsync(PushSubscriptionRecord subscription, Notification notification)
    {
        var vapid = options.Value;
        if (!vapid.Configured) return PushOutcome.Disabled;
        var target = new PushSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        var payload = JsonSerializer.Serialize(new { id = notification.Id, kind = notification.Kind, taskId = notification.TaskId, message = notification.Message });
        using var auth = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = vapid.Subject };
        try
        {
            await Client.RequestPushMessageDeliveryAsync(target, new PushMessage(payload) { TimeToLive = 3600 }, auth, VapidAuthenticationScheme.Vapid);
            return PushOutcome.Sent;
        }
        catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return PushOutcome.Gone;
        }
        catch (Exception ex) when (ex is PushServiceClientException or HttpRequestException or TaskCanceledException)
        {
            // The endpoint is the browser vendor's URL, not personal data; the notice text is not logged.
            logger.LogWarning(ex, "A Web Push to {Host} failed", new Uri(subscription.Endpoint).Host);
            return PushOutcome.Failed;
        }
    }
}
