using Grid.Contracts;
using Grid.Geo;
using Grid.Grains.Common;
using Grid.Grains.People;

namespace Grid.Grains.Dispatch;

public sealed partial class TaskGrain
{
    private Task AcceptAsync(TaskActor actor)
    {
        RequireAssignedWorker(actor, "accept");
        RequireStage("accept", TaskStage.Offered);
        S.Stage = TaskStage.Accepted;
        Record(actor.UserName, "accepted", S.WorkerId, null);
        return Task.CompletedTask;
    }

    private async Task DeclineAsync(TaskActor actor, TaskCommand command)
    {
        RequireAssignedWorker(actor, "decline");
        RequireStage("decline", TaskStage.Offered, TaskStage.Accepted);
        var reason = RequireReason(command.Reason, "Say why you decline, so the center can follow up.");
        Record(actor.UserName, "declined", S.WorkerId, reason);
        S.Tried.Add(S.WorkerId!);
        await OfferNextAsync(actor.UserName);
    }

    private Task CheckInAsync(TaskActor actor, TaskCommand command)
    {
        RequireAssignedWorker(actor, "check in to");
        RequireStage("check in to", TaskStage.Accepted);
        if (command.Lat is not (>= -90 and <= 90) || command.Lng is not (>= -180 and <= 180))
            throw ValidationException.For("lat", "Send your position as lat (−90…90) and lng (−180…180) in WGS84 degrees.");
        var meters = GeoDistance.HaversineMeters(command.Lat.Value, command.Lng.Value, S.HomeLat, S.HomeLng);
        var far = meters > Options.CheckInFarMeters;
        S.CheckIn = new CheckInRecord(Now, command.Lat.Value, command.Lng.Value, Math.Round(meters), far);
        S.Stage = TaskStage.CheckedIn;
        Record(actor.UserName, far ? "checked-in-far" : "checked-in", S.WorkerId, DispatchScorer.Distance(meters));
        return Task.CompletedTask;
    }

    private Task CompleteAsync(TaskActor actor, TaskCommand command)
    {
        RequireAssignedWorker(actor, "complete");
        RequireStage("complete", TaskStage.CheckedIn);
        var outcome = RequireReason(command.Reason, "Describe the outcome (what was done for the resident).", "outcome");
        var custody = command.Custody ?? [];
        for (var i = 0; i < custody.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(custody[i].Document))
                throw ValidationException.For($"documents[{i}].document", "Name the original document that was taken.");
            if (custody[i].Document.Length > 200)
                throw ValidationException.For($"documents[{i}].document", "Name the document in at most 200 characters.");
            if (custody[i].ReturnedAtUtc is not { } returned)
                throw ValidationException.For($"documents[{i}].returnedAt", $"Record when the original '{custody[i].Document}' was returned to the resident before completing.");
            // The custody record is evidence: a document is returned after it was taken, and both have happened.
            var taken = custody[i].TakenAtUtc;
            if (taken > Now.AddMinutes(5) || taken < S.CreatedAtUtc.AddDays(-30))
                throw ValidationException.For($"documents[{i}].takenAt", "Record when the document was taken: not in the future, and not weeks before the request.");
            if (returned < taken || returned > Now.AddMinutes(5))
                throw ValidationException.For($"documents[{i}].returnedAt", "A document is returned after it was taken, and not in the future.");
        }
        if (custody.Count > 50) throw ValidationException.For("documents", "Record at most 50 documents for one visit.");
        S.Outcome = outcome;
        S.Custody = [.. custody];
        S.Stage = TaskStage.Completed;
        Record(actor.UserName, "completed", S.WorkerId, $"{custody.Count} original document(s) taken and returned");
        S.Outbox.Enqueue(Effects.Visit, S.Draft!.ResidentId, S.WorkerId, S.Draft.Kind == TaskKind.CareVisit ? "care-visit" : "assisted-agency", Now);
        if (S.Draft.Kind == TaskKind.Request) S.Outbox.Enqueue(Effects.ServiceRecord, Id);
        return Task.CompletedTask;
    }

    private Task FailAsync(TaskActor actor, TaskCommand command)
    {
        if (actor.Role is not (Roles.CenterStaff or Roles.Coordinator or Roles.Admin)) RequireAssignedWorker(actor, "mark as failed");
        RequireStage("mark as failed", TaskStage.Accepted, TaskStage.CheckedIn);
        S.Outcome = RequireReason(command.Reason, "Say why the task could not be done.");
        S.Stage = TaskStage.Failed;
        Record(actor.UserName, "failed", S.WorkerId, S.Outcome);
        return Task.CompletedTask;
    }

    private Task CancelAsync(TaskActor actor, TaskCommand command)
    {
        var ownRequest = actor.Role == Roles.Resident && actor.SubjectId == S.Draft!.ResidentId;
        if (!ownRequest && actor.Role is not (Roles.CenterStaff or Roles.Coordinator or Roles.Admin))
            throw new ForbiddenException("Only the resident who asked, the center or a coordinator may cancel a task.");
        RequireStage("cancel", TaskStage.Queued, TaskStage.Offered, TaskStage.Accepted, TaskStage.CheckedIn);
        S.Outcome = RequireReason(command.Reason, "Say why the task is cancelled.");
        S.Stage = TaskStage.Cancelled;
        Record(actor.UserName, "cancelled", S.WorkerId, S.Outcome);
        return Task.CompletedTask;
    }

    private void RequireAssignedWorker(TaskActor actor, string verb)
    {
        if (actor.Role != Roles.Worker || actor.SubjectId is null || actor.SubjectId != S.WorkerId)
            throw new ForbiddenException($"Only the worker the task is with may {verb} it.");
    }

    private void RequireStage(string verb, params TaskStage[] allowed)
    {
        if (!allowed.Contains(S.Stage))
            throw new ConflictException($"A task that is {S.Stage} cannot be asked to {verb}; it must be {string.Join(" or ", allowed)}.");
    }

    private static string RequireReason(string? text, string message, string field = "reason") =>
        string.IsNullOrWhiteSpace(text) ? throw ValidationException.For(field, message)
        : text.Trim().Length > 500 ? throw ValidationException.For(field, "Keep it under 500 characters.")
        : text.Trim();
}
