using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Grid.Storage;

/// <summary>
/// Applies Grid's embedded SQL scripts (one per concern, in name order) to a database once each.
/// Applied scripts are recorded in <c>GridSchemaVersion</c> with a hash; a script edited after it
/// was applied is an error (add a new script instead). All scripts run inside one transaction
/// that first takes the database's write lock, so two processes starting at once serialize:
/// SQLite through <c>BEGIN IMMEDIATE</c> (the second waits on the busy timeout), PostgreSQL
/// through a transaction-scoped advisory lock.
/// </summary>
public static class SchemaMigrator
{
    // Any fixed 64-bit number shared by every Grid process; it names the migration lock.
    private const long PostgresLockKey = 0x47524944_53514C31; // "GRIDSQL1"

    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS GridSchemaVersion
        (
            Script    TEXT NOT NULL PRIMARY KEY,
            Sha256    TEXT NOT NULL,
            AppliedAt TEXT NOT NULL
        );
        """;

    public static async Task ApplySqliteAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // WAL is a property of the file: set once, it stays. It cannot change inside a transaction.
        await ExecuteAsync(connection, null, SqliteConnections.PerConnectionPragmas + "PRAGMA journal_mode = WAL;", ct);
        await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
        await ApplyAsync(connection, transaction, SqlScript.Load("Sqlite"), ct);
        await transaction.CommitAsync(ct);
    }

    public static async Task ApplyPostgresAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLockKey});", ct);
        await ApplyAsync(connection, transaction, SqlScript.Load("PostgreSql"), ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlScript> scripts, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, HistoryTable, ct);
        var applied = await ReadAppliedAsync(connection, transaction, ct);
        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Name, out var hash))
            {
                if (!string.Equals(hash, script.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException(
                        $"SQL script '{script.Name}' changed after it was applied to this database. Add a new script for the change instead of editing an applied one.");
                }
                continue;
            }

            await ExecuteAsync(connection, transaction, script.Text, ct);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO GridSchemaVersion (Script, Sha256, AppliedAt) VALUES (@script, @sha, @at);";
            AddParameter(record, "script", script.Name);
            AddParameter(record, "sha", script.Sha256);
            AddParameter(record, "at", DateTime.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Script, Sha256 FROM GridSchemaVersion;";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
