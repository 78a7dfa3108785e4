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

public sealed class AccountState
{
    public AccountInfo? Info { get; set; }
    public string? PasswordHash { get; set; }
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
}
