using Grid.Contracts;
using Grid.Grains.Common;

namespace Grid.Grains.Hotline;

public sealed class WorkOrderState
{
    public WorkOrderIntake? Intake { get; set; }
    public WorkOrderStage Stage { get; set; }
    public string? GridId { get; set; }
    public string? VillageCode { get; set; }
    public string? TownshipCode { get; set; }
    public HandlingUnit? Unit { get; set; }
    /// <summary>Counts dispatches (re-dispatch and re-opening included), so a deadline of an earlier round is recognised as stale.</summary>
    public int Round { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime? SignForDueUtc { get; set; }
    public DateTime? AnswerDueUtc { get; set; }
    public DateTime? SignedAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public ExtensionAsk? PendingExtension { get; set; }
    public int Extensions { get; set; }
    public int Supervisions { get; set; }
    public string? Answer { get; set; }
    public Satisfaction? Rating { get; set; }
    public bool? Resolved { get; set; }
    public int Version { get; set; }
    public List<WorkOrderEvent> History { get; set; } = [];
    /// <summary>A keyed hash of the caller's phone, to find the same caller's other orders without the phone.</summary>
    public string? CallerHash { get; set; }
    /// <summary>Set when this order was merged into another (it is then closed).</summary>
    public string? MergedInto { get; set; }
    /// <summary>Orders merged into this one, with their callers.</summary>
    public List<MergedOrder> Merged { get; set; } = [];
    public List<WorkOrderAttachment> Attachments { get; set; } = [];
    /// <summary>The assisted-agency request (= its task) this order was dispatched to the grid as.</summary>
    public string? TaskId { get; set; }
    /// <summary>Effects on other grains decided with this state and not yet delivered (saved with it, so none is lost).</summary>
    public Outbox Outbox { get; set; } = new();
}
