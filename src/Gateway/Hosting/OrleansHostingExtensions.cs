using Grid.Grains.Hotline;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Grid.Grains.Seeding;
using Grid.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Grid.Gateway.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Embedded: this process co-hosts one silo (localhost clustering, state and reminders in SQLite).
    /// Cluster: this process is an Orleans client of the silos that PostgreSQL's membership table lists.
    /// The API above is the same either way.
    /// </summary>
    public static void AddGridOrleans(this WebApplicationBuilder builder, GridOptions options)
    {
        builder.Services.AddGridDispatch(builder.Configuration);
        builder.Services.AddGridNotifications(builder.Configuration, options.Mode == GridMode.Cluster ? null : options.DataPath);
        builder.Services.AddGridHotline(builder.Configuration);
        // Resident and worker grains seal personal data with it (embedded); a cluster gateway reads the same ring.
        builder.Services.AddGridPersonalData(PersonalDataServiceExtensions.KeysPath(options.DataProtection.KeysPath, options.DataPath));
        if (options.Mode == GridMode.Cluster)
        {
            var connection = options.Postgres
                ?? throw new InvalidOperationException("Grid:Postgres must be set in cluster mode.");
            builder.UseOrleansClient(client => client
                .Configure<ClusterOptions>(c => { c.ClusterId = options.Orleans.ClusterId; c.ServiceId = options.Orleans.ServiceId; })
                .UseGridPostgresClustering(connection)
                // A grain call stuck on a dead silo or an unreachable database becomes a 503 well within an HTTP client's patience.
                .Configure<ClientMessagingOptions>(m => m.ResponseTimeout = TimeSpan.FromSeconds(15))
                .AddDashboard());
            builder.Services.AddSingleton(new SeedStatus { Message = "The silos seed the demo city; ready when they are done." });
            return;
        }
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.Orleans.SiloPort, options.Orleans.GatewayPort,
                serviceId: options.Orleans.ServiceId, clusterId: options.Orleans.ClusterId);
            silo.UseGridSqliteStorage(options.DataPath);
            silo.AddDashboard();
            silo.Services.AddGridSeeding(new SeedSettings(options.Seed.Enabled, options.Seed.PeopleCounties,
                options.Demo.Password, options.DataPath, ContentRoot.Find("data/xianning"), options.Seed.People, options.Seed.Bulk));
        });
    }
}

/// <summary>Finds the repository's reference data whether the process runs from the repo root or from bin/.</summary>
public static class ContentRoot
{
    public static string Find(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var d = dir; d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        var fromCwd = Path.GetFullPath(relative);
        return Directory.Exists(fromCwd) ? fromCwd
            : throw new DirectoryNotFoundException($"Reference data folder '{relative}' was not found.");
    }
}
