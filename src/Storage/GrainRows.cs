namespace Grid.Storage;

/// <summary>One row of an owner: its key and the JSON text of its record.</summary>
public sealed record StoredRow(string Key, string Json);

/// <summary>A change to an owner's rows: an upsert when <see cref="Json"/> is set, a delete when it is null.</summary>
public sealed record RowChange(string Key, string? Json)
{
    public static RowChange Upsert(string key, string json) => new(key, json);
    public static RowChange Delete(string key) => new(key, null);
}

/// <summary>
/// Rows owned by one grain (table <c>GridGrainRow</c>): for state that is a growing collection of
/// small records. The grain reads all its rows once when it activates and then changes one or a
/// few at a time, so a change costs the same at the ten-thousandth record as at the first, where a
/// whole-collection grain state would rewrite everything each time. The changes of one call are
/// stored together or not at all; like a state write, the task completes only once they are durable.
/// </summary>
public interface IGrainRowStore
{
    /// <summary>All rows of <paramref name="owner"/>, in ordinal key order.</summary>
    Task<IReadOnlyList<StoredRow>> ReadAllAsync(string kind, string owner);

    Task ApplyAsync(string kind, string owner, IReadOnlyList<RowChange> changes);
}
