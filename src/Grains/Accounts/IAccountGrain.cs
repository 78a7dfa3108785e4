namespace Grid.Grains.Accounts;

/// <summary>An account keyed by its lower-case user name.</summary>
[Alias("grid.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<AccountInfo?> GetAsync();

    /// <summary>Creates or replaces the account; the password is hashed before it is stored.</summary>
    [Alias("set")]
    Task SetAsync(AccountInfo info, string password);

    /// <summary>The account when the password matches and the account is active and not locked; otherwise null.</summary>
    [Alias("verify")]
    Task<AccountInfo?> VerifyAsync(string password);
}
