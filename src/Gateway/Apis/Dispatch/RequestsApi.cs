using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RequestChannel = Grid.Contracts.RequestChannel;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Assisted-agency requests (帮办代办): asked for, assigned at once to the best worker, followed.</summary>
public static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/requests").WithTags("Requests")
            .RequireAuthorization(p => p.RequireRole(Roles.Resident, Roles.Worker, Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapPost("/", CreateRequest).WithName("CreateRequest")
            .WithSummary("Ask for help with a service item; assigned at once to the best worker (send an Idempotency-Key so retries never make two).");
        api.MapGet("/{id}", GetRequest).WithName("GetRequest").WithSummary("A request: its stage, its worker and why that worker.");
        return api;
    }

    public static async Task<Results<Created<RequestDto>, Ok<RequestDto>>> CreateRequest(
        CreateRequestDto body, HttpRequest http, ClaimsPrincipal user, AccessService access, IGrainFactory grains,
        IServiceItemLookup items, IOptions<DispatchOptions> options, TimeProvider clock)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var key = http.Headers["Idempotency-Key"].ToString();
        if (key.Length > 100) throw ValidationException.For("Idempotency-Key", "Use a key of at most 100 characters, e.g. a UUID.");
        var resident = await FindResidentAsync(grains, body.ResidentId);
        var requester = await RequesterForAsync(user, access, body, resident);
        var item = await items.FindAsync(body.ItemCode ?? "")
            ?? throw ValidationException.For("itemCode", $"'{body.ItemCode}' is not a service item code: use the catalog's code, e.g. social-insurance-certification.");
        var skills = Skills(body.Skills, item);
        var now = clock.GetUtcNow().UtcDateTime;
        var (start, end) = Window(body, options.Value.PromiseFor(body.Urgency), now);
        var id = $"{resident.VillageCode}-T{Guid.NewGuid():N}"[..30];
        var draft = new TaskDraft(id, TaskKind.Request, resident.Id, item.Code, skills, body.Urgency,
            start, end, end, requester, body.Note?.Trim());
        var intakeKey = $"{user.UserName()}/{(string.IsNullOrEmpty(key) ? Guid.NewGuid().ToString("N") : key)}";
        var task = await grains.GetGrain<IRequestIntakeGrain>(intakeKey).SubmitAsync(Hash(body), draft, user.Actor());
        var dto = task.ToRequestDto();
        GridMetrics.AssignmentDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("stage", dto.Stage.ToString()));
        return task.Draft.Id == id ? TypedResults.Created($"/api/requests/{id}", dto) : TypedResults.Ok(dto);
    }

    public static async Task<Ok<RequestDto>> GetRequest(string id, AccessService access, IGrainFactory grains) =>
        TypedResults.Ok((await TasksApi.ReadableTaskAsync(id, access, grains)).ToRequestDto());

    private static async Task<ResidentProfile> FindResidentAsync(IGrainFactory grains, string? residentId)
    {
        if (string.IsNullOrWhiteSpace(residentId) || residentId.Length > 40)
            throw ValidationException.For("residentId", "Give the resident's id, e.g. 421202001001-R001.");
        return await grains.GetGrain<IResidentGrain>(residentId).GetAsync()
            ?? throw ValidationException.For("residentId", $"No resident has the id {residentId}.");
    }

    /// <summary>Who is asking follows from the caller's role; naming a proxy makes it a family member's request.</summary>
    private static async Task<Requester> RequesterForAsync(ClaimsPrincipal user, AccessService access, CreateRequestDto body, ResidentProfile resident)
    {
        var role = user.Role();
        var self = role == Roles.Resident;
        if (!AccessRules.Allows(access.Token, Act.Change, new Target(Kind.Request, resident.VillageCode, Owner: resident.Id)))
            throw new ForbiddenException(self ? "A resident may ask only for themself (or as their registered family proxy)."
                : "The resident lives outside your region.");
        var defaultChannel = role switch { Roles.Resident => RequestChannel.App, Roles.Worker => RequestChannel.InPerson, _ => RequestChannel.Hotline };
        var channel = body.Channel ?? defaultChannel;
        if (channel == RequestChannel.Scheduled || (self && channel != RequestChannel.App))
            throw ValidationException.For("channel", $"As {role} use channel {defaultChannel}.");
        if (!string.IsNullOrWhiteSpace(body.ProxyName))
        {
            if (!resident.Proxies.Any(p => p.Name == body.ProxyName.Trim()))
                throw ValidationException.For("proxyName", "The proxy is not registered for this resident; register the family member first.");
            return new Requester(RequesterKind.FamilyProxy, channel, user.UserName(), body.ProxyName.Trim());
        }
        var kind = role switch { Roles.Resident => RequesterKind.Resident, Roles.Worker => RequesterKind.Worker, _ => RequesterKind.HotlineOperator };
        return new Requester(kind, channel, user.UserName(), null);
    }

    private static IReadOnlyList<string> Skills(IReadOnlyList<string>? asked, ServiceItemInfo item)
    {
        var skills = (asked ?? []).Select(s => s?.Trim() ?? "").ToList();
        if (skills.Any(s => !ProvisionalServiceItemLookup.IsWellFormed(s)))
            throw ValidationException.For("skills", "Each skill is a code of 2–64 letters, digits, '-', '_' or '.', e.g. disability.");
        return skills.Concat(item.Skills).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static (DateTime Start, DateTime End) Window(CreateRequestDto body, TimeSpan promise, DateTime now)
    {
        if (!Enum.IsDefined(body.Urgency)) throw ValidationException.For("urgency", "Use Routine, Due or Urgent.");
        var start = body.WindowStart?.UtcDateTime ?? now;
        var end = body.WindowEnd?.UtcDateTime ?? (start > now ? start : now) + promise;
        if (end <= start) throw ValidationException.For("windowEnd", "The window must end after it starts.");
        if (end <= now) throw ValidationException.For("windowEnd", "The window has already passed; choose a time in the future.");
        if (end - start > TimeSpan.FromDays(60)) throw ValidationException.For("windowEnd", "Keep the window within 60 days.");
        return (start < now ? now : start, end);
    }

    private static string Hash(CreateRequestDto body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body))));
}
