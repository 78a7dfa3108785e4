using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Hotline;

/// <summary>A month of heads on the line. Decides on a copy and answers only after the save; it calls no other grain.</summary>
public sealed class HeadScheduleGrain(
    [PersistentState("headschedule", GridStorage.Name)] IPersistentState<HeadScheduleState> state,
    ILogger<HeadScheduleGrain> logger) : Grain, IHeadScheduleGrain
{
    public async Task<HeadSlot> AddSlotAsync(HeadSlot slot)
    {
        if (Find(slot.Id) is { } held) return held;
        if (slot.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) != this.GetPrimaryKeyString())
            throw ValidationException.For("date", "The slot's date lies outside this month.");
        if (state.State.Slots.Exists(s => s.Date == slot.Date && s.Department == slot.Department))
            throw new ConflictException($"{slot.Department} already has a head on the line on {slot.Date:yyyy-MM-dd}.");
        await SaveAsync(s => s.Slots.Add(slot));
        return slot;
    }

    public async Task RemoveSlotAsync(string slotId)
    {
        var slot = Find(slotId) ?? throw new NotFoundException($"No schedule slot has the id {slotId}.");
        if (slot.Calls.Count > 0) throw new ConflictException("The head has taken calls on this slot; it stays on the published schedule.");
        await SaveAsync(s => s.Slots.RemoveAll(x => x.Id == slotId));
    }

    public Task<IReadOnlyList<HeadSlot>> ListAsync() =>
        Task.FromResult<IReadOnlyList<HeadSlot>>([.. state.State.Slots.OrderBy(s => s.Date).ThenBy(s => s.Department, StringComparer.Ordinal)]);

    public Task<HeadSlot?> GetSlotAsync(string slotId) => Task.FromResult(Find(slotId));

    public async Task<HeadSlot> RecordCallAsync(string slotId, HeadCall call)
    {
        var slot = Find(slotId) ?? throw new NotFoundException($"No schedule slot has the id {slotId}.");
        if (slot.Calls.Any(c => c.OrderId == call.OrderId)) return slot;
        var updated = slot with { Calls = [.. slot.Calls, call] };
        await SaveAsync(s => s.Slots[s.Slots.FindIndex(x => x.Id == slotId)] = updated);
        return updated;
    }

    private HeadSlot? Find(string slotId) => state.State.Slots.Find(s => s.Id == slotId);

    /// <summary>Changes a copy, saves it, and only then lets the activation see it (a failed save leaves it as stored).</summary>
    private async Task SaveAsync(Action<HeadScheduleState> change)
    {
        var before = state.State;
        var work = StateCopy.Of(before);
        change(work);
        state.State = work;
        try
        {
            await state.CommitAsync(this, logger);
        }
        catch
        {
            if (ReferenceEquals(state.State, work)) state.State = before;
            throw;
        }
    }
}
