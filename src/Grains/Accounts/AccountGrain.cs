using Grid.Storage;

namespace Grid.Grains.Accounts;

public sealed class AccountGrain(
    [PersistentState("account", GridStorage.Name)] IPersistentState<AccountState> state,
    TimeProvider clock) : Grain, IAccountGrain
{
    // Five wrong passwords lock the account for a quarter of an hour: slows guessing, not people.
    private const int MaxFailures = 5;
    private static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    public Task<AccountInfo?> GetAsync() => Task.FromResult(state.State.Info);

    public async Task SetAsync(AccountInfo info, string password)
    {
        if (!string.Equals(info.UserName, this.GetPrimaryKeyString(), StringComparison.Ordinal))
            throw new ArgumentException("The user name must match the account key.");
        state.State.Info = info;
        state.State.PasswordHash = PasswordHasher.Hash(password);
        state.State.FailedSignIns = 0;
        state.State.LockedUntilUtc = null;
        await state.WriteStateAsync();
    }

    public async Task<AccountInfo?> VerifyAsync(string password)
    {
        var s = state.State;
        var now = clock.GetUtcNow().UtcDateTime;
        if (s.Info is not { Active: true } || s.PasswordHash is null || s.LockedUntilUtc > now)
            return null;
        if (PasswordHasher.Verify(password, s.PasswordHash))
        {
            if (s.FailedSignIns > 0) { s.FailedSignIns = 0; await state.WriteStateAsync(); }
            return s.Info;
        }
        s.FailedSignIns++;
        if (s.FailedSignIns >= MaxFailures) { s.LockedUntilUtc = now + LockTime; s.FailedSignIns = 0; }
        await state.WriteStateAsync();
        return null;
    }
}
