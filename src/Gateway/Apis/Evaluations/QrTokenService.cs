using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Grid.Gateway.Apis.Evaluations;

public enum QrTokenStatus { Valid, Invalid, Expired }

public sealed record QrTokenCheck(QrTokenStatus Status, string? RecordId, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed, expiring links printed on receipts as QR codes: "{base64url(recordId|expiry)}.{base64url(HMAC-SHA256)}".
/// The token names one service record, so it can rate that record and nothing else; "once" is
/// enforced by the record itself (one evaluation per record).
/// </summary>
public sealed class QrTokenService(byte[] key, TimeProvider clock, TimeSpan lifetime)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(string recordId)
    {
        var expires = clock.GetUtcNow().Add(lifetime);
        var payload = Encoding.UTF8.GetBytes($"{recordId}|{expires.ToUnixTimeSeconds()}");
        return ($"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}",
            DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    public QrTokenCheck Check(string token)
    {
        var invalid = new QrTokenCheck(QrTokenStatus.Invalid, null, default);
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 600) return invalid;
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return invalid;
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload))) return invalid;
        var text = Encoding.UTF8.GetString(payload);
        var bar = text.LastIndexOf('|');
        if (bar <= 0 || !long.TryParse(text[(bar + 1)..], out var seconds)) return invalid;
        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new(clock.GetUtcNow() < expires ? QrTokenStatus.Valid : QrTokenStatus.Expired, text[..bar], expires);
    }

    /// <summary>A key of its own, derived from the access-token key so no second secret has to be kept.</summary>
    public static byte[] DeriveKey(byte[] accessTokenKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, accessTokenKey, 32, info: "grid/evaluation-qr/v1"u8.ToArray());
}
