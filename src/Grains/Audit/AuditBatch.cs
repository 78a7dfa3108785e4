namespace Grid.Grains.Audit;

/// <summary>Appends that go to storage in one write; every caller awaits <see cref="Done"/>.</summary>
internal sealed class AuditBatch
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public List<AuditEntry> Entries { get; } = [];

    public Task Done => _done.Task;

    public void Add(AuditEntry entry)
    {
        Entries.Add(entry);
        if (entry.Id is { } id) _ids.Add(id);
    }

    public bool Holds(string id) => _ids.Contains(id);

    public void Succeed() => _done.TrySetResult();

    public void Fail(Exception e) => _done.TrySetException(e);
}
