using Grid.Grains.Common;

namespace Grid.Grains.Hotline;

/// <summary>吹哨 (Art. 31): a township's order to several departments at once, each to report in (报到) within working days.</summary>
[GenerateSerializer, Immutable, Alias("grid.whistle-issue")]
public sealed record WhistleIssue(
    [property: Id(0)] string TownshipCode,
    [property: Id(1)] string Matter,
    [property: Id(2)] string Place,
    [property: Id(3)] IReadOnlyList<string> Departments,
    [property: Id(4)] int WorkingDays);

/// <summary>One department's report-in: when, who, what, and whether it came by the due instant.</summary>
[GenerateSerializer, Immutable, Alias("grid.whistle-report")]
public sealed record WhistleReport(
    [property: Id(0)] string Department, [property: Id(1)] DateTime AtUtc, [property: Id(2)] string By, [property: Id(3)] string Note, [property: Id(4)] bool OnTime);

/// <summary>A whistle order as boards keep it (no personal data).</summary>
[GenerateSerializer, Immutable, Alias("grid.whistle-summary")]
public sealed record WhistleSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string TownshipCode,
    [property: Id(2)] string Matter,
    [property: Id(3)] IReadOnlyList<string> Departments,
    [property: Id(4)] DateTime IssuedAtUtc,
    [property: Id(5)] DateTime DueUtc,
    [property: Id(6)] IReadOnlyList<WhistleReport> Reports,
    [property: Id(7)] bool Closed,
    [property: Id(8)] int Version)
{
    public IReadOnlyList<string> NotReported => [.. Departments.Where(d => !Reports.Any(r => r.Department == d))];

    /// <summary>The departments that have not reported by the due instant, while the order is open.</summary>
    public IReadOnlyList<string> OverdueAt(DateTime nowUtc) => !Closed && nowUtc > DueUtc ? NotReported : [];
}

[GenerateSerializer, Immutable, Alias("grid.whistle-view")]
public sealed record WhistleView(
    [property: Id(0)] WhistleSummary Summary, [property: Id(1)] string Place, [property: Id(2)] string IssuedBy, [property: Id(3)] IReadOnlyList<WorkOrderEvent> History);

public sealed class WhistleOrderState
{
    public WhistleIssue? Issue { get; set; }
    public string IssuedBy { get; set; } = "";
    public DateTime IssuedAtUtc { get; set; }
    public DateTime DueUtc { get; set; }
    public List<WhistleReport> Reports { get; set; } = [];
    public bool OverdueMarked { get; set; }
    public bool Closed { get; set; }
    public int Version { get; set; }
    public List<WorkOrderEvent> History { get; set; } = [];
    public Outbox Outbox { get; set; } = new();
}
