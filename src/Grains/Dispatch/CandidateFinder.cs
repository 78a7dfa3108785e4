using Grid.Grains.People;

namespace Grid.Grains.Dispatch;

public sealed record RankedWorker(DispatchChoice Choice, int Capacity);

/// <summary>
/// Gathers the workers of the resident's village (their profiles from the village directory, one call) with their load
/// (each worker's own list, which is the truth capacity is checked against) and visit history, and ranks them with <see cref="DispatchScorer"/>.
/// </summary>
public sealed class CandidateFinder(IGrainFactory grains)
{
    public async Task<IReadOnlyList<RankedWorker>> RankAsync(DispatchNeed need, string residentId, DateTime nowUtc)
    {
        var directory = await grains.GetGrain<IVillageDirectoryGrain>(need.VillageCode).GetDispatchWorkersAsync();
        var visits = await VisitCountsAsync(residentId);
        var today = DateOnly.FromDateTime(nowUtc);
        var candidates = await Task.WhenAll(directory
            .Where(w => w.Worker.Active && !need.Excluded.Contains(w.Worker.Id))
            .Select(w => CandidateAsync(w.Worker.Id, w.Profile, visits, today)));
        var byId = candidates.OfType<DispatchCandidate>().ToDictionary(c => c.WorkerId);
        return DispatchScorer.Rank(need, byId.Values).Select(c => new RankedWorker(c, byId[c.WorkerId].DailyCapacity)).ToList();
    }

    /// <summary>How one named worker fits the need, whether or not they qualify (for a coordinator's reassignment).</summary>
    public async Task<(DispatchCandidate Candidate, DispatchChoice Choice)?> DescribeAsync(DispatchNeed need, string residentId, string workerId, DateTime nowUtc)
    {
        // A coordinator's explicit choice reads the worker's own, current profile rather than the directory's copy.
        var candidate = await CandidateAsync(workerId, null, await VisitCountsAsync(residentId), DateOnly.FromDateTime(nowUtc));
        return candidate is null ? null : (candidate, DispatchScorer.Score(need, candidate));
    }

    private async Task<Dictionary<string, int>> VisitCountsAsync(string residentId)
    {
        var visits = await grains.GetGrain<IResidentGrain>(residentId).GetVisitsAsync();
        return visits.GroupBy(v => v.WorkerId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <param name="filed">The directory's copy of the profile (one call for the whole village); null reads the worker's grain.</param>
    private async Task<DispatchCandidate?> CandidateAsync(string workerId, WorkerProfile? filed, Dictionary<string, int> visits, DateOnly today)
    {
        var profileTask = filed is null ? grains.GetGrain<IWorkerGrain>(workerId).GetAsync() : Task.FromResult<WorkerProfile?>(filed);
        var loadTask = grains.GetGrain<IWorkerTasksGrain>(workerId).LoadAsync();
        var profile = await profileTask;
        var load = await loadTask;
        return profile is null ? null : ToCandidate(profile, load, visits.GetValueOrDefault(workerId), today);
    }

    public static DispatchCandidate ToCandidate(WorkerProfile p, int load, int visits, DateOnly today) => new(
        p.Id, p.Name, p.Active, p.VillageCode, CurrentGrids(p, today), p.Skills, p.DailyCapacity, load,
        p.WorkStart, p.WorkEnd, p.Lat, p.Lng, visits);

    public static IReadOnlyCollection<string> CurrentGrids(WorkerProfile p, DateOnly today) =>
        p.Grids.Where(g => g.From <= today && (g.Until is null || g.Until > today)).Select(g => g.GridId).ToHashSet();
}
