namespace Grid.Grains.Dispatch;

public sealed record BalanceWorker(
    string Id, string VillageCode, IReadOnlyCollection<string> GridIds, IReadOnlyCollection<string> Skills,
    int Capacity, double Lat, double Lng);

/// <summary>An open task; only <see cref="Movable"/> ones (not yet checked in) may change hands.</summary>
public sealed record BalanceTask(
    string TaskId, string WorkerId, string ResidentId, string GridId, string VillageCode,
    IReadOnlyCollection<string> Skills, double Lat, double Lng, bool Movable, IReadOnlyCollection<string> FamiliarWorkers);

public sealed record TaskMove(string TaskId, string FromWorkerId, string ToWorkerId, string Reason);

public sealed record GridMove(string GridId, string FromWorkerId, string ToWorkerId, int Tasks);

/// <summary>Load is open tasks per worker; familiar share is the part of tasks whose worker has visited the resident before.</summary>
public sealed record BalanceMetrics(int MaxLoad, double MeanLoad, double FamiliarShare, double TravelKm);

public sealed record RebalancePlan(IReadOnlyList<TaskMove> Moves, BalanceMetrics Before, BalanceMetrics After);

public sealed record GridProposal(IReadOnlyList<GridMove> Moves, BalanceMetrics Before, BalanceMetrics After);
