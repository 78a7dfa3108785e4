namespace Grid.Grains.Accounts;

/// <summary>A signed-in identity: role and the region code that scopes it; SubjectId links a worker or resident.</summary>
[GenerateSerializer, Immutable, Alias("grid.account-info")]
public sealed record AccountInfo(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Role,
    [property: Id(3)] string RegionCode,
    [property: Id(4)] string? SubjectId,
    [property: Id(5)] bool Active);

/// <summary>
/// A successful sign-in or refresh: the account, its security stamp (access tokens carry it) and,
/// when one was asked for, the refresh token of the session (<c>{user}.{family}.{secret}</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.account-sign-in")]
public sealed record SignedIn(
    [property: Id(0)] AccountInfo Account,
    [property: Id(1)] int Stamp,
    [property: Id(2)] string? RefreshToken,
    [property: Id(3)] DateTime? RefreshExpiresUtc);

public enum RefreshOutcome { Rotated, Unknown, Reused }

[GenerateSerializer, Immutable, Alias("grid.account-refresh")]
public sealed record RefreshAnswer([property: Id(0)] RefreshOutcome Outcome, [property: Id(1)] SignedIn? Session);

public sealed class AccountState
{
    public AccountInfo? Info { get; set; }
    public string? PasswordHash { get; set; }
    /// <summary>Grows on every change of the account (password, role, region, disabling); tokens of an older stamp are refused.</summary>
    public int Stamp { get; set; }
    /// <summary>Live refresh-token families (sessions), newest last; at most <c>AccountGrain.MaxSessions</c>.</summary>
    public List<RefreshSession> Sessions { get; set; } = [];
}

/// <summary>One refresh-token family: only the hash of its current secret is kept.</summary>
public sealed class RefreshSession
{
    public string FamilyId { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public DateTime ExpiresUtc { get; set; }
}
