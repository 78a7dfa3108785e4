using Orleans.Storage;

namespace Grid.Grains.Audit;

/// <summary>At most <see cref="AuditChunks.Size"/> entries of one county-day, stored as one row.</summary>
public sealed class AuditChunk
{
    public List<AuditEntry> Entries { get; set; } = [];
}

/// <summary>
/// The rows of one county-day: "auditchunk/{county}/{day}/{n}", n = 0, 1, 2, … with every chunk
/// but the last full. Appending rewrites only the last chunk, so a write costs the same at the end
/// of a busy day as at its start; finding the last chunk after activation takes O(log n) reads.
/// </summary>
public sealed class AuditChunks(IGrainStorage storage, string dayKey)
{
    public const int Size = 64;
    private const string StateName = "auditchunk";

    public async Task<IGrainState<AuditChunk>> ReadAsync(int n)
    {
        var row = new GrainState<AuditChunk>(new AuditChunk());
        await storage.ReadStateAsync(StateName, IdOf(n), row);
        if (row.State?.Entries is null) row.State = new AuditChunk();
        return row;
    }

    public Task WriteAsync(int n, IGrainState<AuditChunk> row) => storage.WriteStateAsync(StateName, IdOf(n), row);

    /// <summary>The index of the last stored chunk, or -1 when the day has none (chunks are contiguous).</summary>
    public async Task<int> FindLastAsync()
    {
        if (!Exists(await ReadAsync(0))) return -1;
        var (present, absent) = (0, 1);
        while (Exists(await ReadAsync(absent))) (present, absent) = (absent, absent * 2);
        while (absent - present > 1)
        {
            var mid = present + (absent - present) / 2;
            if (Exists(await ReadAsync(mid))) present = mid; else absent = mid;
        }
        return present;
    }

    private static bool Exists(IGrainState<AuditChunk> row) => row.RecordExists && row.ETag is not null && row.State?.Entries is { Count: > 0 };

    private GrainId IdOf(int n) => GrainId.Create(StateName, $"{dayKey}/{n}");
}
