using System.Collections.Concurrent;

namespace Grid.LoadTest;

/// <summary>What the API told the run it created or changed, kept for the recount after the run.</summary>
public sealed class Ledger
{
    /// <summary>Request (task) id → the stage its create answered (Offered or Queued).</summary>
    public ConcurrentDictionary<string, string> Requests { get; } = new();
    /// <summary>Task id → the furthest step a worker was answered 200 for (Accepted, CheckedIn, Completed).</summary>
    public ConcurrentDictionary<string, string> Steps { get; } = new();
    public ConcurrentDictionary<string, bool> ServiceRecords { get; } = new();
    /// <summary>Work order id → the category it was filed with.</summary>
    public ConcurrentDictionary<string, string> WorkOrders { get; } = new();
    /// <summary>Service record id → the overall rating the evaluation was created with.</summary>
    public ConcurrentDictionary<string, string> Evaluations { get; } = new();

    public static int Rank(string? stage) => stage switch
    {
        "Queued" => 0, "Offered" => 1, "Accepted" => 2, "CheckedIn" => 3, "Completed" => 4, _ => -1,
    };

    public void Step(string taskId, string stage) =>
        Steps.AddOrUpdate(taskId, stage, (_, before) => Rank(stage) > Rank(before) ? stage : before);
}
