using System.Text.RegularExpressions;
using Grid.Contracts;

namespace Grid.Portal.Services;

/// <summary>
/// A task's item, history and dispatch reason in the reader's language. The server keeps these as
/// short keys and fixed texts (the history's step names, "JY-GF-001, Resident via App", the dispatch
/// reason of DispatchScorer.Reason in Chinese); this turns the ones it knows into words and leaves
/// what a person typed (reasons, outcomes) as written.
/// </summary>
public static partial class TaskWords
{
    public static string Item(this Strings l, string code) => Known(l, "item." + code) ?? code;

    public static string Step(this Strings l, string action) => Known(l, "history." + action) ?? action;

    public static string? Detail(this Strings l, TaskEventDto e)
    {
        if (e.Detail is not { } detail) return null;
        switch (e.Action)
        {
            case "requested" or "care-visit-due" when Via().Match(detail) is { Success: true } m:
                return l.F("history.via", l.Item(m.Groups[1].Value),
                    Known(l, "requester." + m.Groups[2].Value) ?? m.Groups[2].Value, Known(l, "channel." + m.Groups[3].Value) ?? m.Groups[3].Value);
            case "offered":
                return l.Reason(detail);
            case "reassigned" when Reassigned().Match(detail) is { Success: true } r:
                return l.F("history.detail.reassigned", r.Groups[1].Value == "queue" ? l["history.queue"] : r.Groups[1].Value, r.Groups[2].Value);
            case "checked-in" or "checked-in-far" when Distance().Match(detail) is { Success: true } d:
                return d.Groups[2].Value == "米" ? l.F("meters", d.Groups[1].Value) : l.F("km", d.Groups[1].Value);
            case "completed" when Documents().Match(detail) is { Success: true } d:
                return l.F("history.detail.completed", d.Groups[1].Value);
            case "queued" or "offer-expired" or "overdue-center" or "overdue-township":
                return Known(l, "history.detail." + e.Action) ?? detail;
            default:
                return detail;
        }
    }

    /// <summary>The dispatch reason ("本网格, 已走访 2 次, 350 米"), rebuilt from its parts so English readers get English.</summary>
    public static string? Reason(this Strings l, string? reason)
    {
        if (reason is null || !l.English || ScorerReason().Match(reason) is not { Success: true } m) return reason;
        var grid = l[m.Groups[1].Value == "本网格" ? "reason.ownGrid" : "reason.nearGrid"];
        var visits = m.Groups[2].Success ? l.F("reason.visited", m.Groups[2].Value) : l["reason.notVisited"];
        var distance = m.Groups[4].Value == "米" ? l.F("meters", m.Groups[3].Value) : l.F("km", m.Groups[3].Value);
        return $"{grid}, {visits}, {distance}";
    }

    private static string? Known(Strings l, string key) => l[key] is var text && text != key ? text : null;

    [GeneratedRegex(@"^(.+), (Resident|FamilyProxy|Worker|HotlineOperator|System) via (App|Hotline|InPerson|Scheduled)$")]
    private static partial Regex Via();

    [GeneratedRegex(@"^from (.+?): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Reassigned();

    [GeneratedRegex(@"^([\d.]+) (米|公里)$")]
    private static partial Regex Distance();

    [GeneratedRegex(@"^(\d+) original document\(s\) taken and returned$")]
    private static partial Regex Documents();

    // Mirrors DispatchScorer.Reason; TaskWordsTests feeds it the scorer's own output.
    [GeneratedRegex(@"^(本网格|邻近网格), (?:已走访 (\d+) 次|未走访), ([\d.]+) (米|公里)$")]
    private static partial Regex ScorerReason();
}
