using Grid.Grains.Dispatch.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grid.Grains.Dispatch;

public static class DispatchServiceExtensions
{
    /// <summary>Dispatch options from "Grid:Dispatch", the audit trail and the service-item lookup (each replaceable by an earlier registration).</summary>
    public static IServiceCollection AddGridDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DispatchOptions>(configuration.GetSection("Grid:Dispatch"));
        services.TryAddSingleton<IAuditTrail, GrainAuditTrail>();
        services.TryAddSingleton<IServiceItemLookup, CatalogServiceItemLookup>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
