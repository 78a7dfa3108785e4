using System.Globalization;
using Grid.Contracts;
using Grid.Grains.Audit;
using Grid.Grains.Geography;
using Grid.Grains.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.People;

/// <summary>What the people handlers share: the cluster, the audit log and the clock.</summary>
public sealed record PeopleServices(IGrainFactory Grains, IAuditLog Audit, TimeProvider Clock)
{
    public IVillageDirectoryGrain Directory(string villageCode) => Grains.GetGrain<IVillageDirectoryGrain>(villageCode);

    public IGridCellGrain Cell(string gridId) => Grains.GetGrain<IGridCellGrain>(gridId);

    public Task<GridLocation?> LocateAsync(double lat, double lng) =>
        Grains.GetGrain<ILocateReplicaGrain>(RegionCodes.City).LocateAsync(lat, lng);

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;
}

/// <summary>ETag / If-Match on mutable resources: the ETag is the quoted version number.</summary>
public static class Preconditions
{
    public static ProblemHttpResult Required() => TypedResults.Problem(statusCode: 428, title: "If-Match is required.",
        detail: "Read the resource first and send its ETag in the If-Match header, so that you do not overwrite someone else's change.");

    public static ProblemHttpResult Stale() => TypedResults.Problem(statusCode: 412, title: "The resource has changed since you read it.",
        detail: "The If-Match header does not name the current version; read the resource again and reapply your change.");

    /// <summary>Null when the header is missing; -1 when it can never match.</summary>
    public static int? Parse(string? ifMatch)
    {
        var value = ifMatch?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return value.Length >= 3 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    public static string? CheckIdempotencyKey(string? key, Dictionary<string, string[]> errors)
    {
        if (key is null) return null;
        if (key.Length is < 1 or > 100 || key.Any(char.IsControl)) errors["Idempotency-Key"] = ["Send an Idempotency-Key of 1–100 printable characters."];
        return key;
    }
}
