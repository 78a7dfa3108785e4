using Grid.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Hosting;

/// <summary>The cluster's silos and activations, as the management grain sees them (administrators).</summary>
public static class ClusterApi
{
    public static RouteGroupBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/cluster").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        api.MapGet("/", GetCluster).WithName("GetCluster").WithSummary("Silos (active and dead), their status and grain activations.");
        return api;
    }

    public static async Task<Ok<ClusterDto>> GetCluster(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var stats = await management.GetSimpleGrainStatistics();
        var perSilo = stats.GroupBy(s => s.SiloAddress).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
        var silos = hosts.OrderBy(h => h.StartTime)
            .Select(h => new SiloDto(h.SiloAddress.ToString(), h.SiloName, h.Status.ToString(),
                new DateTimeOffset(h.StartTime, TimeSpan.Zero), perSilo.GetValueOrDefault(h.SiloAddress)))
            .ToList();
        var byType = stats.GroupBy(s => s.GrainType).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
        return TypedResults.Ok(new ClusterDto(silos.Count(s => s.Status == "Active"), byType.Values.Sum(), silos, byType));
    }
}
