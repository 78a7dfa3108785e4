namespace Grid.Grains.Hotline;

/// <summary>Art. 26: one department head on the line on one day; the calls taken are work orders of channel DepartmentHeadCall.</summary>
[GenerateSerializer, Immutable, Alias("grid.head-slot")]
public sealed record HeadSlot(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Department,
    [property: Id(3)] string HeadName,
    [property: Id(4)] string? HeadTitle,
    [property: Id(5)] IReadOnlyList<HeadCall> Calls);

/// <summary>
/// A call the head took: its work order, category and a summary already cleared of personal data (the
/// schedule never holds the caller); an investigation due when it was not solved on the call.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.head-call")]
public sealed record HeadCall(
    [property: Id(0)] string OrderId,
    [property: Id(1)] DateTime AtUtc,
    [property: Id(2)] string Category,
    [property: Id(3)] string PublicSummary,
    [property: Id(4)] bool SolvedOnCall,
    [property: Id(5)] DateTime? InvestigationDueUtc);

public sealed class HeadScheduleState
{
    public List<HeadSlot> Slots { get; set; } = [];
}

/// <summary>A month's schedule of department heads on the line, keyed "yyyy-MM" (a few dozen slots).</summary>
[Alias("grid.IHeadScheduleGrain")]
public interface IHeadScheduleGrain : IGrainWithStringKey
{
    /// <summary>Adds a slot; the same id again answers it as it is; a second head of one department on one day is a 409.</summary>
    [Alias("add")] Task<HeadSlot> AddSlotAsync(HeadSlot slot);

    /// <summary>Removes a slot that has taken no call (409 otherwise).</summary>
    [Alias("remove")] Task RemoveSlotAsync(string slotId);

    [Orleans.Concurrency.ReadOnly, Alias("list")] Task<IReadOnlyList<HeadSlot>> ListAsync();

    /// <summary>Links a call's order to its slot; the same order again changes nothing.</summary>
    [Alias("call")] Task<HeadSlot> RecordCallAsync(string slotId, HeadCall call);

    [Orleans.Concurrency.ReadOnly, Alias("slot")] Task<HeadSlot?> GetSlotAsync(string slotId);
}

public static class HeadSlots
{
    /// <summary>A slot id starts with its date, so the month grain that holds it follows from the id.</summary>
    public static string NewId(DateOnly date) => $"{date:yyyy-MM-dd}-{Guid.NewGuid():N}"[..19];

    public static string? MonthOf(string slotId) =>
        slotId.Length == 19 && DateOnly.TryParseExact(slotId[..10], "yyyy-MM-dd", out _) ? slotId[..7] : null;
}
