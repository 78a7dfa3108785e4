using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Grid.Storage;

/// <summary>
/// Durable reminders of the embedded mode in the <c>GridReminder</c> table, with the ADO.NET reminder
/// table's semantics (grain hash as a signed 32-bit integer, ring ranges in that order, the version
/// as ETag, a delete only of the version read). Its writes go through the silo's one
/// <see cref="SqliteWriter"/>: every task schedules a deadline, so a reminder write per request
/// on a second connection would again wait on SQLite's lock behind the grain state writes.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "GrainId, ReminderName, StartTime, Period, Version";
    private readonly string _service = cluster.Value.ServiceId;

    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        new(await QueryAsync(
            $"SELECT {Columns} FROM GridReminder WHERE ServiceId = $service AND GrainId = $grain;",
            c => c.Parameters.AddWithValue("$grain", grainId.ToString())));

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // (begin, end] on the ring; in signed order a range that does not wrap is one interval.
        var sql = (int)begin < (int)end
            ? $"SELECT {Columns} FROM GridReminder WHERE ServiceId = $service AND GrainHash > $begin AND GrainHash <= $end;"
            : $"SELECT {Columns} FROM GridReminder WHERE ServiceId = $service AND (GrainHash > $begin OR GrainHash <= $end);";
        return new ReminderTableData(await QueryAsync(sql, c =>
        {
            c.Parameters.AddWithValue("$begin", (int)begin);
            c.Parameters.AddWithValue("$end", (int)end);
        }));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        (await QueryAsync(
            $"SELECT {Columns} FROM GridReminder WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name;",
            c =>
            {
                c.Parameters.AddWithValue("$grain", grainId.ToString());
                c.Parameters.AddWithValue("$name", reminderName);
            })).FirstOrDefault();

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var start = entry.StartAt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc) : entry.StartAt.ToUniversalTime();
        var grain = entry.GrainId.ToString();
        var hash = (int)entry.GrainId.GetUniformHashCode();
        var version = await database.Writer.WriteAsync(s =>
        {
            var c = s.Command("""
                INSERT INTO GridReminder (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
                VALUES ($service, $grain, $name, $start, $period, $hash, 0)
                ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
                SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash, Version = GridReminder.Version + 1
                RETURNING Version;
                """);
            c.Parameters.AddWithValue("$service", _service);
            c.Parameters.AddWithValue("$grain", grain);
            c.Parameters.AddWithValue("$name", entry.ReminderName);
            c.Parameters.AddWithValue("$start", start);
            c.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
            c.Parameters.AddWithValue("$hash", hash);
            return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);
        });
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)) return Task.FromResult(false);
        var grain = grainId.ToString();
        return database.Writer.WriteAsync(s =>
        {
            var c = s.Command("DELETE FROM GridReminder WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name AND Version = $version;");
            c.Parameters.AddWithValue("$service", _service);
            c.Parameters.AddWithValue("$grain", grain);
            c.Parameters.AddWithValue("$name", reminderName);
            c.Parameters.AddWithValue("$version", version);
            return c.ExecuteNonQuery() == 1;
        });
    }

    public Task TestOnlyClearTable() => database.Writer.WriteAsync(s =>
    {
        var c = s.Command("DELETE FROM GridReminder WHERE ServiceId = $service;");
        c.Parameters.AddWithValue("$service", _service);
        return c.ExecuteNonQuery();
    });

    private Task<List<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind) => database.Readers.ReadAsync(s =>
    {
        var command = s.Command(sql);
        command.Parameters.AddWithValue("$service", _service);
        bind(command);
        using var reader = command.ExecuteReader();
        var rows = new List<ReminderEntry>();
        while (reader.Read())
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }
        return rows;
    });
}
