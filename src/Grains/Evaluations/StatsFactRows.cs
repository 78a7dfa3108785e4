using Orleans.Storage;

namespace Grid.Grains.Evaluations;

/// <summary>
/// The last fact a counter grain counted for one record, kept as a row of its own
/// ("statsfact/{counter key}|{record id}") so that reading and replacing it costs the same in a
/// month's first write as in its hundred-thousandth.
/// </summary>
internal sealed class StatsFactRows(IGrainStorage storage, string counterKey)
{
    private const string StateName = "service-fact";

    public async Task<IGrainState<ServiceFact?>> ReadAsync(string recordId)
    {
        var row = new GrainState<ServiceFact?>();
        await storage.ReadStateAsync(StateName, IdOf(recordId), row);
        // A missing row comes back as a default-constructed fact and no ETag; that is "never counted".
        if (!Exists(row) || row.State?.RecordId is null) row.State = null;
        return row;
    }

    public Task WriteAsync(string recordId, IGrainState<ServiceFact?> row) => storage.WriteStateAsync(StateName, IdOf(recordId), row);

    /// <summary>Whether storage holds the row: the ETag, not RecordExists, is what every provider sets for a stored row.</summary>
    public static bool Exists<T>(IGrainState<T> row) => row.RecordExists && row.ETag is not null;

    private GrainId IdOf(string recordId) => GrainId.Create("statsfact", $"{counterKey}|{recordId}");
}
