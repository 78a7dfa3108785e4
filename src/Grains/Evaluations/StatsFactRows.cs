using Grid.Grains.Common;
using Orleans.Storage;

namespace Grid.Grains.Evaluations;

/// <summary>
/// The last fact a counter grain counted for one record, kept as a row of its own
/// ("statsfact/{counter key}|{record id}") so that reading and replacing it costs the same in a
/// month's first write as in its hundred-thousandth.
/// </summary>
internal sealed class StatsFactRows(IGrainStorage storage, string counterKey)
{
    private readonly StateRows<ServiceFact?> _rows = new(storage, "service-fact", "statsfact");

    public async Task<IGrainState<ServiceFact?>> ReadAsync(string recordId)
    {
        var row = await _rows.ReadAsync(KeyOf(recordId));
        // A missing row comes back as a default-constructed fact and no ETag; that is "never counted".
        if (!StateRows<ServiceFact?>.Exists(row) || row.State?.RecordId is null) row.State = null;
        return row;
    }

    public Task WriteAsync(string recordId, IGrainState<ServiceFact?> row) => _rows.WriteAsync(KeyOf(recordId), row);


    private string KeyOf(string recordId) => $"{counterKey}|{recordId}";
}
