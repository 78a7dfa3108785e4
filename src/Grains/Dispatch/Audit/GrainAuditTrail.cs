using Grid.Grains.Audit;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Dispatch.Audit;

public sealed class GrainAuditTrail(IAuditLog log, ILogger<GrainAuditTrail> logger) : IAuditTrail
{
    public Task WriteAsync(AuditEntry e)
    {
        logger.LogInformation("Audit {Action} on {SubjectType} {SubjectId} by {Actor} in {Region}",
            e.Action, e.SubjectType, e.SubjectId, e.Actor, e.RegionCode);
        var actor = e.Actor == "system" ? AuditActor.System : new AuditActor(e.Actor, "User");
        return log.WriteAsync(actor, e.Action, e.SubjectType, e.SubjectId, e.RegionCode, e.Detail);
    }
}
