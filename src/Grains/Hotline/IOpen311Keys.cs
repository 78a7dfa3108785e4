using Orleans.Concurrency;

namespace Grid.Grains.Hotline;

/// <summary>An Open311 API key as kept: its SHA-256 only, never the key; scoped to a jurisdiction (a region code).</summary>
[GenerateSerializer, Immutable, Alias("grid.open311-key")]
public sealed record Open311Key(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Jurisdiction,
    [property: Id(3)] string Sha256,
    [property: Id(4)] DateTime IssuedAtUtc,
    [property: Id(5)] string IssuedBy,
    [property: Id(6)] DateTime? RevokedAtUtc = null,
    [property: Id(7)] string? RevokedBy = null);

/// <summary>The admin-issued Open311 keys of the city (one grain, "city": a few dozen keys, read on each filing).</summary>
[Alias("grid.IOpen311KeyRegistryGrain")]
public interface IOpen311KeyRegistryGrain : IGrainWithStringKey
{
    [Alias("issue")] Task<Open311Key> IssueAsync(Open311Key key);

    [ReadOnly, Alias("list")] Task<IReadOnlyList<Open311Key>> ListAsync();

    /// <summary>Revoking again changes nothing; an unknown id is a 404.</summary>
    [Alias("revoke")] Task<Open311Key> RevokeAsync(string id, string by);

    /// <summary>The live (not revoked) key with this hash, or null.</summary>
    [ReadOnly, Alias("find")] Task<Open311Key?> FindAsync(string sha256);
}
