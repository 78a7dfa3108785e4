namespace Grid.Grains.Audit;

/// <summary>
/// The entry ids of the last <see cref="Window"/> sealed chunks of a day, so a re-delivered entry
/// that was sealed a moment ago is still recognised. Bounded: older chunks are dropped.
/// </summary>
internal sealed class AuditRecentIds
{
    /// <summary>64 chunks of <see cref="AuditDayGrain.ChunkSize"/>: the last 2,048 entries of the day.</summary>
    public const int Window = 64;
    private readonly SortedDictionary<int, HashSet<string>> _byChunk = [];

    public bool Contains(string id) => _byChunk.Values.Any(ids => ids.Contains(id));

    /// <summary>Chunk indexes inside the window of a day with <paramref name="sealedChunks"/> sealed chunks that are not held yet.</summary>
    public List<int> Missing(int sealedChunks) =>
        [.. Enumerable.Range(Math.Max(0, sealedChunks - Window), Math.Min(sealedChunks, Window)).Where(i => !_byChunk.ContainsKey(i))];

    public void Add(int index, IEnumerable<AuditEntry> entries)
    {
        _byChunk[index] = new HashSet<string>(entries.Select(e => e.Id).OfType<string>(), StringComparer.Ordinal);
        while (_byChunk.Count > Window) _byChunk.Remove(_byChunk.Keys.First());
    }
}
