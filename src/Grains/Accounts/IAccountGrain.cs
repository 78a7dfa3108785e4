namespace Grid.Grains.Accounts;

/// <summary>An account keyed by its lower-case user name; it also holds the account's refresh-token families.</summary>
[Alias("grid.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<AccountInfo?> GetAsync();

    /// <summary>Creates or replaces the account; the password is hashed before it is stored. Ends every session.</summary>
    [Alias("set")]
    Task SetAsync(AccountInfo info, string password);

    /// <summary>Enables or disables the account; disabling ends every session and outdates its access tokens.</summary>
    [Alias("set-active")]
    Task<AccountInfo?> SetActiveAsync(bool active);

    /// <summary>
    /// The account when the password matches and it is active, otherwise null; an unknown account costs
    /// the same hash. With a refresh lifetime a new refresh-token family is started and saved first.
    /// </summary>
    [Alias("sign-in")]
    Task<SignedIn?> SignInAsync(string password, TimeSpan? refreshLifetime);

    /// <summary>Spends the family's current secret for a new one; a spent secret revokes the family.</summary>
    [Alias("refresh")]
    Task<RefreshAnswer> RefreshAsync(string familyId, string secret, TimeSpan refreshLifetime);

    /// <summary>Ends one refresh-token family (sign-out).</summary>
    [Alias("end-session")]
    Task EndSessionAsync(string familyId);

    /// <summary>The security stamp of an active account; null when it does not exist or is disabled.</summary>
    [Alias("stamp")]
    Task<int?> GetStampAsync();
}
