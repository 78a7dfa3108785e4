using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Grid.Storage;

/// <summary>
/// Wires Orleans' ADO.NET providers to Grid's databases. Both modes use the same providers and
/// the same query contract (the <c>OrleansQuery</c> table); only the scripts differ.
/// </summary>
/// <remarks>
/// Reminders: Orleans ships no SQLite reminder table, but its ADO.NET reminder table
/// (<c>AdoNetReminderTable</c>, an <see cref="Orleans.IReminderTable"/>) is driven entirely by
/// the SQL text it loads from <c>OrleansQuery</c>. Grid's SQLite script gives it those queries
/// (with the parameter names and result columns it binds), so embedded and cluster mode share
/// one reminder implementation and its ring-range and ETag semantics instead of a second,
/// hand-written <c>IReminderTable</c>.
/// </remarks>
public static class StorageHostingExtensions
{
    /// <summary>
    /// Embedded mode: grain storage <see cref="GridStorage.Name"/> and durable reminders in
    /// <c>{dataDirectory}/grid.db</c>. Creates the directory and applies the SQLite scripts
    /// synchronously, right here, so the schema exists before any provider is constructed.
    /// </summary>
    public static ISiloBuilder UseGridSqliteStorage(this ISiloBuilder silo, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var directory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);
        var connectionString = SqliteConnections.ForFile(Path.Combine(directory, GridStorage.SqliteFileName));
        SchemaMigrator.ApplySqliteAsync(connectionString).GetAwaiter().GetResult();

        var dataSource = new GridSqliteDataSource(connectionString);
        silo.AddAdoNetGrainStorage(GridStorage.Name, options =>
        {
            options.Invariant = GridStorage.SqliteInvariant;
            options.DataSource = dataSource;
            options.GrainStorageSerializer = new JsonGrainStorageSerializer();
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = GridStorage.SqliteInvariant;
            options.DataSource = dataSource;
        });
        silo.Services.AddSingleton<IGrainStateBulkWriter>(sp =>
            new SqliteGrainStateBulkWriter(connectionString, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return silo;
    }

    /// <summary>
    /// Cluster mode: ADO.NET clustering, grain storage <see cref="GridStorage.Name"/> and reminders
    /// on PostgreSQL. The PostgreSQL scripts are applied by a silo lifecycle participant at
    /// <see cref="ServiceLifecycleStage.First"/>, before membership, storage or reminders touch
    /// the database; the advisory lock lets several silos start together.
    /// </summary>
    public static ISiloBuilder UseGridPostgres(this ISiloBuilder silo, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new PostgresSchemaStartup(connectionString));
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = GridStorage.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(GridStorage.Name, options =>
        {
            options.Invariant = GridStorage.PostgresInvariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = new JsonGrainStorageSerializer();
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = GridStorage.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddSingleton<IGrainStateBulkWriter>(sp =>
            new PostgresGrainStateBulkWriter(connectionString, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return silo;
    }

    /// <summary>Cluster mode client (the Gateway): finds silos through PostgreSQL membership.</summary>
    public static IClientBuilder UseGridPostgresClustering(this IClientBuilder client, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return client.UseAdoNetClustering(options =>
        {
            options.Invariant = GridStorage.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
    }

    private sealed class PostgresSchemaStartup(string connectionString) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(PostgresSchemaStartup), ServiceLifecycleStage.First,
                ct => SchemaMigrator.ApplyPostgresAsync(connectionString, ct));
    }
}
