using Grid.Grains.Common;
using K = Grid.Grains.Evaluations.RectificationStepKind;
using S = Grid.Contracts.RectificationState;

namespace Grid.Grains.Evaluations;

/// <summary>The order of a rectification's steps: call back → verify → fix or explain → re-rate; an appeal at any open point.</summary>
public static class RectificationSteps
{
    public static RectificationInfo Apply(RectificationInfo i, RectificationAction a, DateTime now) => a.Kind switch
    {
        K.CallBack => Require(i, a, S.Open) with { Status = S.CalledBack },
        K.Verify => Require(i, a, S.CalledBack) with { Status = S.Verified },
        K.Fix => Resolve(Require(i, a, S.Verified), a, now, S.Fixed),
        K.Explain => Resolve(Require(i, a, S.Verified), a, now, S.Explained),
        K.ReRate => Require(i, a, S.Fixed, S.Explained) with
        {
            Status = S.Closed,
            ReRating = a.Level ?? throw ValidationException.For("level", "Give the resident's new rating of the rectification."),
        },
        K.Appeal => FileAppeal(i, a, now),
        K.AppealDecision => DecideAppeal(i, a, now),
        _ => throw ValidationException.For("kind", $"'{a.Kind}' is not a step a person takes; use CallBack, Verify, Fix, Explain, ReRate, Appeal or AppealDecision."),
    };

    private static RectificationInfo Require(RectificationInfo i, RectificationAction a, params S[] allowed) =>
        allowed.Contains(i.Status) ? i
            : throw new ConflictException($"The rectification is {i.Status}; the step {a.Kind} needs it to be {string.Join(" or ", allowed)}.");

    private static RectificationInfo Resolve(RectificationInfo i, RectificationAction a, DateTime now, S status)
    {
        if (string.IsNullOrWhiteSpace(a.Note))
            throw ValidationException.For("note", status == S.Fixed ? "Describe what was fixed." : "Explain to the resident why the complaint has no legal basis.");
        if (status == S.Fixed && a.Evidence.Count == 0)
            throw ValidationException.For("evidence", "A fix needs evidence: add at least one photo, document or file reference.");
        return i with { Status = status, ResolvedAtUtc = now, ResolvedOnTime = now <= i.DueUtc, CurrentDueUtc = null };
    }

    private static RectificationInfo FileAppeal(RectificationInfo i, RectificationAction a, DateTime now)
    {
        if (i.Status is S.Closed or S.Withdrawn)
            throw new ConflictException($"The rectification is {i.Status}; it can no longer be appealed.");
        if (i.Appeal is not null)
            throw new ConflictException("This review was already appealed; each review can be appealed once.");
        var reason = a.Reason ?? throw ValidationException.For("reason", "Say whether the review is Malicious or Mistaken.");
        if (string.IsNullOrWhiteSpace(a.Note))
            throw ValidationException.For("note", "State why the review is malicious or mistaken.");
        return i with { Appeal = new AppealInfo(reason, a.Note.Trim(), a.By, now, null, null, null, null) };
    }

    private static RectificationInfo DecideAppeal(RectificationInfo i, RectificationAction a, DateTime now)
    {
        if (i.Appeal is not { Upheld: null } appeal)
            throw new ConflictException("There is no pending appeal to decide.");
        var upheld = a.Upheld ?? throw ValidationException.For("upheld", "Say whether the appeal is upheld (true) or rejected (false).");
        var decided = appeal with { Upheld = upheld, DecidedBy = a.By, DecidedAtUtc = now, DecisionNote = a.Note?.Trim() };
        return upheld
            ? i with { Appeal = decided, Status = S.Withdrawn, CurrentDueUtc = null }
            : i with { Appeal = decided };
    }
}
