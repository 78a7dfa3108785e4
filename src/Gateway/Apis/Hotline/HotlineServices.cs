using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Audit;
using Grid.Grains.Common;
using Grid.Grains.Hotline;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>What the hotline handlers share: the cluster, the access authority, the audit log and the clock.</summary>
public sealed record HotlineServices(IGrainFactory Grains, AccessService Access, IAuditLog Audit, TimeProvider Clock)
{
    /// <summary>The order, or a 404: order ids are random, so an unknown one reveals nothing about a region.</summary>
    public async Task<WorkOrderView> FindAsync(string id) =>
        (Ids.IsPlain(id) ? await Grains.GetGrain<IWorkOrderGrain>(id).GetAsync() : null)
            ?? throw new NotFoundException($"No work order has the id {id}.");

    /// <summary>The order as the caller may see it; reading a caller's name or phone is audited like a resident's data.</summary>
    public async Task<WorkOrderDto> DtoAsync(WorkOrderView order)
    {
        var caller = await Access.CallerAsync();
        var withCaller = await Access.AllowsAsync(Act.Read, order.ReadTarget(Kind.WorkOrderCaller))
            && ((order.Intake.CallerName ?? order.Intake.CallerPhone) is not null || order.Merged is { Count: > 0 });
        if (withCaller)
            await Audit.WriteAsync(caller.Actor, "workorder.caller.read", "workorder", order.Id, order.RegionCode ?? RegionCodes.City, "caller name and phone shown");
        return order.ToDto(withCaller);
    }

    public async Task<HotlineActor> ActorAsync()
    {
        var caller = await Access.CallerAsync();
        return new HotlineActor(caller.UserName, caller.Role);
    }
}
