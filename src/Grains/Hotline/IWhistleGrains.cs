using Grid.Grains.Deadlines;
using Orleans.Concurrency;

namespace Grid.Grains.Hotline;

/// <summary>A whistle order, keyed by its id; its report-in deadline calls it back through <see cref="IDeadlineTarget"/>.</summary>
[Alias("grid.IWhistleOrderGrain")]
public interface IWhistleOrderGrain : IDeadlineTarget
{
    /// <summary>Issues the order; asking again answers it as it is.</summary>
    [Alias("issue")] Task<WhistleView> IssueAsync(WhistleIssue issue, HotlineActor actor);

    [Alias("get")] Task<WhistleView?> GetAsync();

    /// <summary>A summoned department reports in (once); late is recorded, not refused.</summary>
    [Alias("report-in")] Task<WhistleView> ReportInAsync(HotlineActor actor, string department, string note);

    /// <summary>The issuer closes it; only after every department reported (else 409).</summary>
    [Alias("close")] Task<WhistleView> CloseAsync(HotlineActor actor, string? note);
}

/// <summary>Whistle orders of a township, of a department, or of the city, written only by the orders' outboxes (newest version wins).</summary>
[Alias("grid.IWhistleListGrain")]
public interface IWhistleListGrain : IGrainWithStringKey
{
    [Alias("upsert")] Task UpsertAsync(WhistleSummary order);

    [ReadOnly, Alias("list")] Task<IReadOnlyList<WhistleSummary>> ListAsync();
}

public static class WhistleLists
{
    public const string City = "city";
    public static string Township(string code) => "township/" + code;
    public static string Department(string id) => "department/" + id;
}
