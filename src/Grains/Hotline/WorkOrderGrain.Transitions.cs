using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;

namespace Grid.Grains.Hotline;

/// <summary>The lifecycle's steps. Each names the stages it may start from; any other is a 409, so no step can be skipped.</summary>
public sealed partial class WorkOrderGrain
{
    private void Apply(HotlineActor actor, WorkOrderCommand c, GridRequest? gridRequest)
    {
        switch (c.Action)
        {
            case WorkOrderAction.Dispatch:
                RequireStage("dispatch", WorkOrderStage.Received, WorkOrderStage.HandedBack);
                Dispatch(actor, WorkOrderRules.Unit(c.Unit), WorkOrderRules.Optional(c.Text));
                break;
            case WorkOrderAction.SignFor:
                RequireStage("sign for", WorkOrderStage.Dispatched);
                S.Stage = WorkOrderStage.SignedFor;
                S.SignedAtUtc = Now;
                Record(actor.UserName, "signed-for", S.SignedAtUtc <= S.SignForDueUtc ? "in time" : "late");
                break;
            case WorkOrderAction.Note:
                RequireStage("add a handling note to", WorkOrderStage.SignedFor);
                Record(actor.UserName, "note", WorkOrderRules.Reason(c.Text, "Write the handling note."));
                break;
            case WorkOrderAction.HandBack:
                RequireStage("hand back", WorkOrderStage.Dispatched, WorkOrderStage.SignedFor);
                var why = WorkOrderRules.Reason(c.Text, "Say why the order is not your unit's (退单理由), so the center can re-dispatch it.");
                Record(actor.UserName, "handed-back", $"{S.Unit}: {why}");
                S.Stage = WorkOrderStage.HandedBack;
                S.Unit = null;
                S.PendingExtension = null;
                break;
            case WorkOrderAction.RequestExtension:
                RequireStage("extend", WorkOrderStage.SignedFor);
                if (S.PendingExtension is not null) throw new ConflictException("An extension is already waiting for a decision.");
                var days = WorkOrderRules.Days(c.Days, Options.MaxExtensionDays);
                S.PendingExtension = new ExtensionAsk(days, WorkOrderRules.Reason(c.Text, "Say why the unit needs more time."), Now);
                Record(actor.UserName, "extension-requested", $"{days} working day(s): {S.PendingExtension.Reason}");
                break;
            case WorkOrderAction.DecideExtension:
                DecideExtension(actor, c);
                break;
            case WorkOrderAction.Answer:
                // An order handled by the grid was checked against its task in PrepareAsync.
                RequireStage("answer", WorkOrderStage.SignedFor, WorkOrderStage.HandledByGrid);
                S.Answer = WorkOrderRules.Reason(c.Text, "Write the answer to the caller.", "answer", 2000);
                S.AnsweredAtUtc = Now;
                S.PendingExtension = null;
                S.Stage = WorkOrderStage.Answered;
                Record(actor.UserName, "answered", S.AnsweredAtUtc <= S.AnswerDueUtc ? "in time" : "late");
                break;
            case WorkOrderAction.Callback:
                RequireStage("call back", WorkOrderStage.Answered);
                S.Rating = c.Rating ?? throw ValidationException.For("rating", "Give the caller's rating, from VerySatisfied to VeryDissatisfied.");
                S.Resolved = c.Resolved ?? throw ValidationException.For("resolved", "Say whether the caller's matter was resolved.");
                S.Stage = WorkOrderStage.Closed;
                var note = WorkOrderRules.Optional(c.Text);
                Record(actor.UserName, "called-back", $"{S.Rating}, {(S.Resolved.Value ? "resolved" : "not resolved")}{(note is { } n ? ": " + n : "")}");
                Record(actor.UserName, "closed", null);
                FeedEvaluation(actor, note);
                break;
            case WorkOrderAction.Reopen:
                RequireStage("re-open", WorkOrderStage.Closed);
                if (S.MergedInto is { } survivor) throw new ConflictException($"This order was merged into {survivor}; re-open that one.");
                if (S.Resolved == true && !S.Rating!.Value.IsBad())
                    throw new ConflictException("Only an order the caller was not satisfied with, or that was not resolved, is re-opened.");
                var reason = WorkOrderRules.Reason(c.Text, "Say what the caller is still not satisfied with.");
                Record(actor.UserName, "reopened", reason);
                Dispatch(actor, S.Unit!, "re-opened: " + reason);
                break;
            case WorkOrderAction.Merge:
                Merge(actor, c);
                break;
            case WorkOrderAction.Attach:
                Attach(actor, c.Attachment ?? throw ValidationException.For("file", "Send one file."));
                break;
            case WorkOrderAction.DispatchToGrid:
                DispatchToGrid(actor, gridRequest!);
                break;
            default:
                throw ValidationException.For("action", $"Unknown action {c.Action}.");
        }
    }

    /// <summary>Gives the order to a unit with fresh clocks: sign for within 1 working day, answer by its grade's limit.</summary>
    private void Dispatch(HotlineActor actor, HandlingUnit unit, string? why)
    {
        NewRound(unit, WorkOrderStage.Dispatched);
        S.SignForDueUtc = Clock.After(Now, Options.SignForDays);
        Record(actor.UserName, "dispatched", $"to {unit}{(why is null ? "" : ": " + why)}");
        Notify(unit, "dispatched", $"12345 工单 {Id} 已派至本单位, 请于 {ShanghaiText(S.SignForDueUtc.Value)} 前签收。");
        Schedule(SignKind, S.SignForDueUtc.Value);
        Schedule(AnswerKind, S.AnswerDueUtc!.Value);
    }

    /// <summary>A new round with a unit: nothing of the last round's handling is kept, and the answer clock starts again.</summary>
    private void NewRound(HandlingUnit unit, WorkOrderStage stage)
    {
        S.Round++;
        S.Unit = unit;
        S.Stage = stage;
        S.SignedAtUtc = null;
        S.AnsweredAtUtc = null;
        S.Answer = null;
        S.Rating = null;
        S.Resolved = null;
        S.PendingExtension = null;
        S.Extensions = 0;
        S.AnswerDueUtc = Clock.After(Now, Options.AnswerDays(S.Intake!.Grade));
    }

    private void DecideExtension(HotlineActor actor, WorkOrderCommand c)
    {
        RequireStage("decide an extension of", WorkOrderStage.SignedFor);
        var ask = S.PendingExtension ?? throw new ConflictException("No extension is waiting for a decision.");
        var approve = c.Approve ?? throw ValidationException.For("approve", "Say whether the extension is approved (true) or refused (false).");
        S.PendingExtension = null;
        if (!approve)
        {
            Record(actor.UserName, "extension-refused", WorkOrderRules.Reason(c.Text, "Say why the extension is refused."));
            return;
        }
        S.Extensions++;
        S.AnswerDueUtc = Clock.Extend(S.AnswerDueUtc!.Value, ask.WorkingDays);
        Record(actor.UserName, "extension-approved", $"{ask.WorkingDays} working day(s), answer due {ShanghaiText(S.AnswerDueUtc.Value)}");
        Schedule(AnswerKind, S.AnswerDueUtc.Value);
    }

    private void RequireStage(string verb, params WorkOrderStage[] allowed)
    {
        if (!allowed.Contains(S.Stage))
            throw new ConflictException($"A work order that is {S.Stage} cannot be asked to {verb}; it must be {string.Join(" or ", allowed)}.");
    }

    private static string ShanghaiText(DateTime utc) =>
        ShanghaiTime.Show(utc).ToString("yyyy-MM-dd HH:mm", global::System.Globalization.CultureInfo.InvariantCulture);
}
