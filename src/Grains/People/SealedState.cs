namespace Grid.Grains.People;

/// <summary>
/// A grain's persistent state held in clear in memory and sealed on its way to storage
/// (<see cref="PersonalDataProtector"/>). The grain uses it like any <see cref="IPersistentState{TState}"/>;
/// whenever the stored object changes (activation, a re-read after a failed write) it is opened again.
/// <see cref="Plaintext"/> says the stored row still holds values written before encryption.
/// </summary>
internal sealed class SealedState<T>(IPersistentState<T> stored, Func<T, T> seal, Func<T, (T State, bool Plaintext)> open)
    : IPersistentState<T> where T : class
{
    private T? _clear;
    private T? _opened;

    public T State
    {
        get { Sync(); return _clear!; }
        set { Sync(); _clear = value; }
    }

    public bool Plaintext { get; private set; }

    public string? Etag => stored.Etag;

    public bool RecordExists => stored.RecordExists;

    public Task ReadStateAsync() => stored.ReadStateAsync();

    public Task ClearStateAsync() => stored.ClearStateAsync();

    public Task ReadStateAsync(CancellationToken cancellationToken) => stored.ReadStateAsync(cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken) => stored.ClearStateAsync(cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken) => WriteStateAsync();

    public async Task WriteStateAsync()
    {
        var clear = State;
        var sealedState = seal(clear);
        stored.State = sealedState;
        _opened = sealedState; // the clear object stays the one the grain holds
        await stored.WriteStateAsync();
        Plaintext = false;
    }

    private void Sync()
    {
        if (ReferenceEquals(stored.State, _opened)) return;
        (_clear, Plaintext) = open(stored.State);
        _opened = stored.State;
    }
}
