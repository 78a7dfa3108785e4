using Grid.Grains.Audit;
using Grid.Grains.Boundaries;
using Grid.Grains.Geography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grid.Grains.People;

public static class PeopleServiceExtensions
{
    /// <summary>Silo-side services of regions and people: base geography, audit log, the open-task hook.</summary>
    public static IServiceCollection AddGridPeopleServices(this IServiceCollection services)
    {
        services.TryAddSingleton<GeographySource>();
        services.AddGridAuditLog();
        services.TryAddSingleton<IOpenTaskSource, NoOpenTasks>();
        return services;
    }

    /// <summary>The audit log, for any host with a grain factory (silo or gateway client).</summary>
    public static IServiceCollection AddGridAuditLog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog, GrainAuditLog>();
        return services;
    }
}
