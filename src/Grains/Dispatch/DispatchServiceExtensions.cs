using Grid.Grains.Boundaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grid.Grains.Dispatch;

public static class DispatchServiceExtensions
{
    /// <summary>
    /// Dispatch options from "Grid:Dispatch" and the service-item lookup (each replaceable by an earlier
    /// registration), and the open-task source boundary changes use (replacing the people feature's empty default in any order).
    /// </summary>
    public static IServiceCollection AddGridDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DispatchOptions>(configuration.GetSection("Grid:Dispatch"));
        services.TryAddSingleton<IServiceItemLookup, CatalogServiceItemLookup>();
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<IOpenTaskSource, DispatchOpenTasks>());
        return services;
    }
}
