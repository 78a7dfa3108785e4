namespace Grid.Planning.Replanning;

/// <summary>
/// What a re-plan changed for visits other than the inserted one: how many moved (to another worker,
/// postponed, or to another start time), how many of those left their worker, and by how many
/// minutes the starts of visits still planned shifted in total.
/// </summary>
public sealed record Disruption(int VisitsMoved, int VisitsReassigned, double MinutesShifted, IReadOnlyList<MovedVisit> Moves)
{
    public static Disruption None { get; } = new(0, 0, 0, []);

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{VisitsMoved} visits moved ({VisitsReassigned} to another worker), {MinutesShifted:F1} minutes shifted");
}

/// <summary>A visit whose worker or start changed: start minutes after midnight before and after; ToWorker "" and StartAfter NaN when it was postponed.</summary>
public sealed record MovedVisit(string VisitId, string FromWorker, string ToWorker, double StartBefore, double StartAfter);

/// <summary>The day with the urgent visit added, the plans before and after, and who takes the visit (null: nobody can).</summary>
public sealed record ReplanResult(
    PlanningInstance Instance,
    Plan Before,
    Plan After,
    string? WorkerId,
    int PinnedVisits,
    Disruption Disruption);
