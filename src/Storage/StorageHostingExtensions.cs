using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;

namespace Grid.Storage;

/// <summary>
/// Wires Grid's databases into the silo. Cluster mode uses Orleans' ADO.NET providers on PostgreSQL,
/// driven by the query text Grid's own scripts put in <c>OrleansQuery</c>. Embedded mode uses Grid's
/// own SQLite grain storage and reminder table (<see cref="SqliteGrainStorage"/>,
/// <see cref="SqliteReminderTable"/>) over the same table shapes and the same key, version and ETag
/// contract, because only they can share one writer connection with group commit (see
/// <see cref="SqliteWriter"/>): a connection per write serialized every write behind SQLite's lock.
/// </summary>
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

        // One writer for grain state and reminders (group commit, see SqliteWriter); the container
        // disposes it at shutdown, which commits what is still queued.
        silo.Services.AddSingleton(sp => new SqliteDatabase(connectionString, sp.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteWriter>()));
        silo.Services.AddGrainStorage(GridStorage.Name, (sp, _) => new SqliteGrainStorage(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            new JsonGrainStorageSerializer(),
            sp.GetRequiredService<IActivatorProvider>()));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        silo.Services.AddSingleton<IGrainRowStore>(sp => new SqliteGrainRowStore(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
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
        silo.Services.AddSingleton<IGrainRowStore>(sp =>
            new PostgresGrainRowStore(connectionString, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
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
