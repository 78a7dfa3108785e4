using Grid.Grains.Delegation;
using Grid.Grains.Evaluations;
using Grid.Grains.Regions;

namespace Grid.Grains.Dispatch;

/// <summary>Where a task meets the other features: request volume for the catalog, service records for evaluation, boundary moves.</summary>
public sealed partial class TaskGrain
{
    /// <summary>The kind of the retry deadline older versions scheduled for a failed registration; still honoured when one fires.</summary>
    private const string ServiceRecordRetry = "service-record";

    /// <summary>Counts a new request for its item and village, so delegation frequency classes follow real demand.</summary>
    private void RecordRequestVolume()
    {
        if (S.Draft!.Kind == TaskKind.Request)
            S.Outbox.Enqueue(Effects.Volume, S.VillageCode, ChinaDate.Today(clock).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Registers the completed request as a service record (record id = task id) so the resident can rate it; idempotent.</summary>
    private async Task RegisterServiceRecordNowAsync()
    {
        var item = await items.FindAsync(S.Draft!.ItemCode);
        var village = await GrainFactory.GetGrain<IRegionGrain>(S.VillageCode).GetAsync();
        var completed = S.History.LastOrDefault(e => e.Action == "completed")?.AtUtc ?? Now;
        await GrainFactory.GetGrain<IServiceRecordGrain>(Id).RegisterAsync(new ServiceRecordInfo(
            Id, ServiceRecordKind.AssistedAgencyTask, S.WorkerId!, S.WorkerName ?? S.WorkerId!, S.Draft.ItemCode, item?.Name ?? S.Draft.ItemCode,
            S.VillageCode, S.VillageCode, village?.Info.Name ?? S.VillageCode, completed, S.CreatedAtUtc, S.Draft.ResidentId, Id, System));
    }

    /// <summary>Moves an open task with its grid after a boundary change; asking again for the same place changes nothing.</summary>
    public async Task MoveAsync(string toGridId, string toVillageCode, string by)
    {
        if (S.Draft is null || !View().IsOpen || (S.GridId == toGridId && S.VillageCode == toVillageCode)) return;
        await WriteAsync(() =>
        {
            var detail = $"{S.GridId} ({S.VillageCode}) -> {toGridId} ({toVillageCode})";
            S.GridId = toGridId;
            S.VillageCode = toVillageCode;
            Record(by, "moved-with-grid", S.WorkerId, detail);
            Audit(by, "task.move", detail);
            return Task.FromResult(true);
        });
    }
}
