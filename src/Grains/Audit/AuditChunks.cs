using Grid.Grains.Common;
using Orleans.Storage;

namespace Grid.Grains.Audit;

/// <summary>
/// The sealed chunks of one county-day, each a row of its own ("auditchunk/{day key}#{n}"). A chunk
/// counts only once the day's head says so; sealing again (after a crash between the chunk write
/// and the head write) overwrites the same key, so nothing is lost or kept twice.
/// </summary>
internal sealed class AuditChunks(IGrainStorage storage, string dayKey)
{
    private readonly StateRows<AuditChunk> _rows = new(storage, "auditchunk", "auditchunk");

    public Task SealAsync(int index, List<AuditEntry> entries) => _rows.PutAsync(KeyOf(index), new AuditChunk { Entries = entries });

    public async Task<List<AuditEntry>> ReadAsync(int index)
    {
        var row = await _rows.ReadAsync(KeyOf(index));
        // The head counted this chunk only after it was stored: a missing one is a broken store, not an empty chunk.
        if (!StateRows<AuditChunk>.Exists(row) || row.State is null) throw new InvalidOperationException($"Audit chunk {KeyOf(index)} is missing from storage.");
        return row.State.Entries;
    }

    private string KeyOf(int index) => $"{dayKey}#{index}";
}
