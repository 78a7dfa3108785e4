namespace Grid.Grains.Deadlines;

[GenerateSerializer, Alias("grid.deadline-status")]
public enum DeadlineStatus { Pending, Fired, Cancelled }

[GenerateSerializer, Immutable, Alias("grid.deadline-info")]
public sealed record DeadlineInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTime DueUtc,
    [property: Id(3)] DeadlineStatus Status,
    [property: Id(4)] DateTime? FiredAtUtc,
    [property: Id(5)] string? Target);

public sealed class DeadlineState
{
    public string Kind { get; set; } = "";
    public DateTime DueUtc { get; set; }
    public DeadlineStatus Status { get; set; }
    public DateTime? FiredAtUtc { get; set; }
    public string? Target { get; set; }

    /// <summary>The target answered the firing; until then the reminder re-delivers it.</summary>
    public bool Delivered { get; set; }
}
