using Grid.Grains.Common;

namespace Grid.Grains.Dispatch;

public sealed class TaskState
{
    public TaskDraft? Draft { get; set; }
    public TaskStage Stage { get; set; }
    public string GridId { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string ResidentName { get; set; } = "";
    public double HomeLat { get; set; }
    public double HomeLng { get; set; }
    public string? WorkerId { get; set; }
    public string? WorkerName { get; set; }
    public string? Reason { get; set; }
    /// <summary>Counts offers, so a deadline set for an earlier offer is recognised as stale.</summary>
    public int Offers { get; set; }
    /// <summary>Workers who declined or let an offer lapse; they are not offered the task again.</summary>
    public List<string> Tried { get; set; } = [];
    public CheckInRecord? CheckIn { get; set; }
    public string? Outcome { get; set; }
    public List<CustodyRecord> Custody { get; set; } = [];
    public int Version { get; set; }
    public int EscalationLevel { get; set; }
    public List<TaskEvent> History { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Action ids already applied, so an offline replay is answered without acting twice.</summary>
    public Dictionary<string, TaskAction> Actions { get; set; } = [];
    /// <summary>Effects on other grains decided with this state and not yet delivered (saved with it, so none is lost).</summary>
    public Outbox Outbox { get; set; } = new();
}
