using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Grid.Grains.Evaluations;

/// <summary>Who a rating invitation was given to (stored by name).</summary>
public static class RatingInvitees
{
    /// <summary>The served resident, by SMS to the phone on their profile.</summary>
    public const string Resident = "Resident";

    /// <summary>A family proxy registered on the resident's profile, by SMS to the proxy's phone.</summary>
    public const string Proxy = "Proxy";

    /// <summary>Whoever holds the slip printed at the window (a walk-in without a profile, or a resident without a phone).</summary>
    public const string Slip = "Slip";
}

/// <summary>
/// A single-use rating link bound to one service record and its resident. Only the SHA-256 of the
/// link's secret is kept, so neither the record's state nor a backup of it can rate. Spent by the
/// first rating of the record, whichever invitation (or the portal) gave it.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.rating-invitation")]
public sealed record RatingInvitation(
    [property: Id(0)] string Id,
    [property: Id(1)] string SecretHash,
    [property: Id(2)] string Invitee,
    [property: Id(3)] string? ResidentId,
    [property: Id(4)] DateTime ExpiresAtUtc,
    [property: Id(5)] string IssuedBy,
    [property: Id(6)] bool IssuedByServer,
    [property: Id(7)] DateTime IssuedAtUtc,
    [property: Id(8)] DateTime? SpentAtUtc = null);

/// <summary>A text message owed to a phone; the SMS gateway (outside Grid) takes it from <see cref="IOutgoingSmsGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("grid.outgoing-sms")]
public sealed record OutgoingSms(
    [property: Id(0)] string Id,
    [property: Id(1)] string Phone,
    [property: Id(2)] string Text,
    [property: Id(3)] string RecordId,
    [property: Id(4)] DateTime QueuedAtUtc);

/// <summary>What a rating link is worth right now; <see cref="Evaluation"/> is the rating a link call just stored.</summary>
[GenerateSerializer, Immutable, Alias("grid.rating-link-check")]
public sealed record RatingLinkCheck(
    [property: Id(0)] RatingLinkStatus Status,
    [property: Id(1)] ServiceRecordView? View,
    [property: Id(2)] DateTime ExpiresAtUtc,
    [property: Id(3)] EvaluationInfo? Evaluation = null);

/// <summary>Unknown: no such link (403). Open: may rate. Spent: the record was rated (409). Expired: 410.</summary>
[GenerateSerializer, Alias("grid.rating-link-status")]
public enum RatingLinkStatus { Unknown, Open, Spent, Expired }

/// <summary>A printed slip's link, handed out once.</summary>
[GenerateSerializer, Immutable, Alias("grid.rating-slip")]
public sealed record RatingSlip(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTime ExpiresAtUtc);

/// <summary>
/// The link format: "{base64url(recordId)}.{secret}", the secret 16 random bytes (base64url). The
/// record id lets the gateway find the record; the secret is what proves the holder was invited.
/// </summary>
public static class RatingLinks
{
    public const int SecretLength = 22;

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Token(string recordId, string secret) => $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(recordId))}.{secret}";

    public static string PagePath(string token) => $"/rate/{token}";

    /// <summary>Splits a link without touching any grain; null for anything not shaped like one.</summary>
    public static (string RecordId, string Secret)? Parse(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 300 || token.Length - dot - 1 != SecretLength) return null;
        var secret = token[(dot + 1)..];
        if (!Base64Url.IsValid(secret)) return null;
        try
        {
            var id = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
            return id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':') ? (id, secret) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
