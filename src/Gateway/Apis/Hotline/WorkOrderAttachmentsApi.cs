using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Hotline;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>Files on an order (photos of the place, documents): metadata on the order, the file on disk by its hash.</summary>
public static class WorkOrderAttachmentsApi
{
    public static void MapWorkOrderAttachmentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id}/attachments", Attach).WithName("AttachToWorkOrder").RequireAuthorization(p => p.RequireRole(HotlineMapping.ReaderRoles))
            .DisableAntiforgery()
            .WithSummary("Attach one file (multipart/form-data, part 'file'): image/jpeg, image/png or application/pdf, checked by its first bytes; at most Grid:Hotline:AttachmentMaxBytes (10 MB).");
        api.MapGet("/{id}/attachments/{attachmentId}", Download).WithName("GetWorkOrderAttachment").RequireAuthorization(p => p.RequireRole(HotlineMapping.ReaderRoles))
            .WithSummary("The attached file, to those who may read the order; each read is audited.");
    }

    public static async Task<Created<WorkOrderAttachmentDto>> Attach(string id, HttpRequest http, [AsParameters] HotlineServices s,
        IOptions<HotlineOptions> options, AttachmentStore store)
    {
        var order = await s.FindAsync(id);
        // The unit attaches while handling it; the center (and supervisors) on any order they may change.
        if (!await s.Access.AllowsAsync(Act.Work, order.Summary.Unit.WorkTarget()))
            await s.Access.RequireAsync(Act.Change, order.ReadTarget(), "Only the hotline center or the unit handling the order attaches files to it.");
        if (order.Summary.Stage == WorkOrderStage.Closed) throw new ConflictException("A closed work order takes no more attachments.");
        var max = options.Value.AttachmentMaxBytes;
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + 64 * 1024;
        if (!http.HasFormContentType) throw ValidationException.For("file", "Send the file as multipart/form-data with one part named 'file'.");
        var form = await http.ReadFormAsync();
        if (form.Files.Count != 1 || form.Files[0] is not { } file) throw ValidationException.For("file", "Send exactly one file, in a part named 'file'.");
        if (file.Length == 0 || file.Length > max) throw ValidationException.For("file", $"The file must hold 1 to {max} bytes; this one has {file.Length}.");
        var type = file.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        if (!AttachmentStore.Signatures.ContainsKey(type))
            throw ValidationException.For("file", $"'{type}' is not accepted; attach image/jpeg, image/png or application/pdf.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, http.HttpContext.RequestAborted);
        var content = buffer.ToArray();
        if (!AttachmentStore.Looks(type, content)) throw ValidationException.For("file", $"The file does not begin as a {type} file does; attach the file itself, with its true type.");
        var sha = await store.PutAsync(content, http.HttpContext.RequestAborted);
        var actor = await s.ActorAsync();
        var attachment = new WorkOrderAttachment(Guid.NewGuid().ToString("N")[..16], Name(file.FileName), type, content.LongLength, sha, actor.UserName,
            s.Clock.GetUtcNow().UtcDateTime);
        await s.Grains.GetGrain<IWorkOrderGrain>(id).ActAsync(actor, new WorkOrderCommand(WorkOrderAction.Attach, Attachment: attachment));
        return TypedResults.Created($"/api/hotline/orders/{id}/attachments/{attachment.Id}", attachment.ToDto());
    }

    public static async Task<FileStreamHttpResult> Download(string id, string attachmentId, [AsParameters] HotlineServices s, AttachmentStore store)
    {
        var order = await s.FindAsync(id);
        await s.Access.RequireAsync(Act.Read, order.ReadTarget());
        var attachment = order.Attachments?.FirstOrDefault(a => a.Id == attachmentId)
            ?? throw new NotFoundException($"Work order {id} has no attachment {attachmentId}.");
        var stream = store.Open(attachment.Sha256) ?? throw new NotFoundException($"The file of attachment {attachmentId} is missing from the data directory.");
        var caller = await s.Access.CallerAsync();
        await s.Audit.WriteAsync(caller.Actor, "workorder.attachment.read", "workorder", id, order.RegionCode ?? RegionCodes.City, $"attachment={attachmentId}");
        return TypedResults.File(stream, attachment.ContentType, attachment.Name);
    }

    /// <summary>The file's own name without any folder, control characters or excess length.</summary>
    private static string Name(string? fileName)
    {
        var name = new string(Path.GetFileName(fileName ?? "").Where(ch => !char.IsControl(ch)).ToArray()).Trim();
        return name.Length == 0 ? "attachment" : name.Length > 200 ? name[..200] : name;
    }
}
