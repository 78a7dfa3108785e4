using System.Text.Json;
using Grid.Contracts;
using Grid.Grains.Common;

namespace Grid.Grains.Hotline;

/// <summary>Merging a duplicate into a survivor, and files attached to an order.</summary>
public sealed partial class WorkOrderGrain
{
    private const int MaxAttachments = 50;

    /// <summary>
    /// Closes this received order as merged into another; the survivor hears of it (and of this order's
    /// caller) through the outbox after the save. The gateway has checked the survivor is open.
    /// </summary>
    private void Merge(HotlineActor actor, WorkOrderCommand c)
    {
        var into = c.IntoId?.Trim();
        if (string.IsNullOrEmpty(into) || into.Length > 100) throw ValidationException.For("intoId", "Name the open order to merge into.");
        if (into == Id) throw ValidationException.For("intoId", "An order cannot be merged into itself.");
        RequireStage("merge", WorkOrderStage.Received);
        var reason = WorkOrderRules.Reason(c.Text, "Say why the two orders are one matter.");
        S.MergedInto = into;
        S.Stage = WorkOrderStage.Closed;
        Record(actor.UserName, "merged", $"into {into}: {reason}");
        var merged = new MergedOrder(Id, S.Intake!.CallerName, S.Intake.CallerPhone, Now, actor.UserName, reason, actor.Role);
        S.Outbox.Enqueue(Effects.Merge, into, text: JsonSerializer.Serialize(merged));
    }

    public async Task AbsorbAsync(MergedOrder merged)
    {
        if (S.Intake is null || S.Merged.Exists(m => m.Id == merged.Id)) return;
        await WriteAsync(() =>
        {
            S.Merged.Add(merged);
            Record(merged.By, "merged-in", $"{merged.Id}: {merged.Reason}");
            Audit(new HotlineActor(merged.By, merged.Role), "workorder.merge-in", $"merged={merged.Id}");
            return true;
        });
    }

    private void Attach(HotlineActor actor, WorkOrderAttachment file)
    {
        if (S.Stage == WorkOrderStage.Closed) throw new ConflictException("A closed work order takes no more attachments.");
        if (S.Attachments.Count >= MaxAttachments) throw new ConflictException($"A work order holds at most {MaxAttachments} attachments.");
        if (S.Attachments.Exists(a => a.Id == file.Id)) return;
        S.Attachments.Add(file);
        Record(actor.UserName, "attached", $"{file.Name} ({file.ContentType}, {file.Size} bytes, sha256 {file.Sha256[..12]}…)");
    }
}
