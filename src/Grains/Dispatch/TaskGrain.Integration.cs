using Grid.Grains.Delegation;
using Grid.Grains.Dispatch.Audit;
using Grid.Grains.Evaluations;
using Grid.Grains.Regions;

namespace Grid.Grains.Dispatch;

/// <summary>Where a task meets the other features: request volume for the catalog, service records for evaluation, boundary moves.</summary>
public sealed partial class TaskGrain
{
    private const string ServiceRecordRetry = "service-record";
    private static readonly TimeSpan ServiceRecordRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>Counts a new request for its item and village, so delegation frequency classes follow real demand.</summary>
    private Task RecordRequestVolumeAsync() => S.Draft!.Kind != TaskKind.Request ? Task.CompletedTask
        : GrainFactory.GetGrain<IRequestVolumeGrain>(S.Draft.ItemCode).RecordAsync(S.VillageCode, ChinaDate.Today(clock), 1);

    /// <summary>
    /// Registers the completed request as a service record (record id = task id) so the resident can rate it.
    /// Registration is idempotent; if it fails now, a durable deadline retries it until it succeeds.
    /// </summary>
    private async Task RegisterServiceRecordAsync()
    {
        if (S.Draft!.Kind != TaskKind.Request) return;
        try
        {
            await RegisterServiceRecordNowAsync();
        }
        catch (Exception ex) when (ex is not Common.DomainException)
        {
            await ScheduleAsync(ServiceRecordRetry, Now + ServiceRecordRetryDelay);
        }
    }

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
        var fromVillage = S.VillageCode;
        var detail = $"{S.GridId} ({fromVillage}) -> {toGridId} ({toVillageCode})";
        S.GridId = toGridId;
        S.VillageCode = toVillageCode;
        Record(by, "moved-with-grid", S.WorkerId, detail);
        await SaveAsync(S.WorkerId);
        if (fromVillage != toVillageCode) await GrainFactory.GetGrain<IVillageTasksGrain>(fromVillage).RemoveAsync(Id);
        await audit.WriteAsync(new AuditEntry(Now, by, "task.move", "task", Id, toVillageCode, detail));
    }
}
