using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>Completed services that residents rate. Dispatch registers tasks through the grain; window staff use this API.</summary>
public static class ServiceRecordsApi
{
    public static RouteGroupBuilder MapServiceRecordsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/service-records").WithTags("Evaluations");
        app.MapPost("/api/service-records", Register).WithTags("Evaluations").WithName("RegisterServiceRecord")
            .WithSummary("Register a completed window service or delegated item so it can be rated (Idempotency-Key honoured).")
            .RequireAuthorization(p => p.RequireRole(Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapGet("/{id}", Get).WithName("GetServiceRecord").WithSummary("A service record with its evaluation (a resident reads their own).")
            .RequireAuthorization(p => p.RequireRole([.. EvaluationMapping.StaffRoles, Roles.Resident]));
        api.MapPost("/{id}/qr-token", IssueQrToken).WithName("IssueEvaluationQrToken")
            .WithSummary("Print the window slip: a single-use, expiring rating link for the slip's QR code, shown once (a second print is 409). Center staff, coordinators and admins only; a slip printed by the staff member who served or registered the service gives a flagged rating.")
            .RequireAuthorization(p => p.RequireRole(Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        return api;
    }

    public static async Task<Results<Created<ServiceRecordDto>, Ok<ServiceRecordDto>>> Register(
        RegisterServiceRecordRequest request, ClaimsPrincipal user, AccessService access, IGrainFactory grains, TimeProvider clock,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var id = RecordId(request.Id, idempotencyKey, user);
        var info = await ValidateAsync(request, id, user, grains, clock);
        await access.RequireAsync(Act.Change, info.Target(), $"Village {info.VillageCode} lies outside your region.");
        var result = await grains.GetGrain<IServiceRecordGrain>(id).RegisterAsync(info);
        if (!result.Created && result.Record != info)
            throw new ConflictException($"Service record {id} already exists with different details; use a new id or Idempotency-Key.");
        var dto = (await grains.GetGrain<IServiceRecordGrain>(id).GetAsync())!.ToDto();
        return result.Created ? TypedResults.Created($"/api/service-records/{Uri.EscapeDataString(id)}", dto) : TypedResults.Ok(dto);
    }

    public static async Task<Ok<ServiceRecordDto>> Get(string id, AccessService access, IGrainFactory grains)
    {
        var view = await FindAsync(grains, id);
        await access.RequireAsync(Act.Read, view.Record.Target());
        return TypedResults.Ok(view.ToDto());
    }

    /// <summary>Workers never get a link (the route refuses their role); the slip is for the resident at the window.</summary>
    public static async Task<Ok<QrTokenDto>> IssueQrToken(string id, ClaimsPrincipal user, AccessService access, IGrainFactory grains)
    {
        var view = await FindAsync(grains, id);
        await access.RequireAsync(Act.Change, view.Record.Target());
        var slip = await grains.GetGrain<IServiceRecordGrain>(id).PrintSlipAsync(user.UserName(), Entrants.FlagFor(user, view.Record) is not null);
        return TypedResults.Ok(new QrTokenDto(slip.Token, RatingLinks.PagePath(slip.Token), ShanghaiTime.Show(slip.ExpiresAtUtc),
            $"/api/public/evaluations/qr/{slip.Token}"));
    }

    /// <summary>The record, or 404. Record ids are random (or hashed from the registrar's key), so a 404 tells nothing of other regions.</summary>
    internal static async Task<ServiceRecordView> FindAsync(IGrainFactory grains, string id) =>
        await grains.GetGrain<IServiceRecordGrain>(id).GetAsync()
            ?? throw new NotFoundException($"No service record has the id {id}.");

    private static string RecordId(string? given, string? idempotencyKey, ClaimsPrincipal user)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            var id = given.Trim();
            if (!Common.Ids.IsPlain(id))
                throw ValidationException.For("id", "Use 1–100 letters, digits, '-', '_', '.' or ':' for the record id, or leave it out.");
            return id;
        }
        if (string.IsNullOrWhiteSpace(idempotencyKey)) return "svc-" + Guid.NewGuid().ToString("N");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{user.UserName()}\n{idempotencyKey}"));
        return "svc-" + Convert.ToHexStringLower(hash)[..24];
    }

    private static async Task<ServiceRecordInfo> ValidateAsync(RegisterServiceRecordRequest r, string id, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        void Need(string field, string? value, string message) { if (string.IsNullOrWhiteSpace(value) || value.Length > 200) errors[field] = [message]; }
        Need("staffId", r.StaffId, "Give the id of the worker or window staff member who served (up to 200 characters).");
        Need("staffName", r.StaffName, "Give the name of the worker or window staff member.");
        Need("itemCode", r.ItemCode, "Give the service item's catalog code.");
        Need("itemName", r.ItemName, "Give the service item's name.");
        if (r.Kind == ServiceRecordKind.AssistedAgencyTask)
            errors["kind"] = ["Assisted-agency tasks are registered by dispatch when they complete; use WindowService or DelegatedItem."];
        if (!RegionCodes.IsValid(r.VillageCode) || RegionCodes.LevelOf(r.VillageCode) != RegionLevel.Village)
            errors["villageCode"] = ["Give the 12-digit code of the resident's village or community."];
        var now = clock.GetUtcNow();
        if (r.CompletedAt > now.AddMinutes(5) || r.CompletedAt.Year < 2020)
            errors["completedAt"] = ["The completion time must be a past moment (2020 or later)."];
        if (r.StartedAt is { } s && s > r.CompletedAt) errors["startedAt"] = ["The start time must be before the completion time."];
        if (errors.Count > 0) throw new ValidationException(errors);

        // The handling unit defaults to the caller's own unit when it lies above the village (a township
        // center registering a village's service), else the village; access is checked by the caller.
        var unit = r.HandledByUnitCode?.Trim() is { Length: > 0 } u ? u
            : RegionCodes.LevelOf(user.RegionCode()) != RegionLevel.City && RegionCodes.Contains(user.RegionCode(), r.VillageCode) ? user.RegionCode() : r.VillageCode;
        if (!RegionCodes.IsValid(unit) || !RegionCodes.Contains(unit, r.VillageCode))
            throw ValidationException.For("handledByUnitCode", "The handling unit must be the village itself or the township or county above it.");
        if (await grains.GetGrain<IRegionGrain>(r.VillageCode).GetAsync() is null)
            throw ValidationException.For("villageCode", $"No village or community has the code {r.VillageCode}.");
        var unitName = r.HandledByUnitName?.Trim() is { Length: > 0 } n ? n
            : (await grains.GetGrain<IRegionGrain>(unit).GetAsync())?.Info.Name ?? unit;
        return new ServiceRecordInfo(id, r.Kind == ServiceRecordKind.DelegatedItem ? ServiceRecordKind.DelegatedItem : ServiceRecordKind.WindowService,
            r.StaffId.Trim(), r.StaffName.Trim(), r.ItemCode.Trim(), r.ItemName.Trim(), r.VillageCode, unit, unitName,
            r.CompletedAt.UtcDateTime, r.StartedAt?.UtcDateTime, string.IsNullOrWhiteSpace(r.ResidentId) ? null : r.ResidentId.Trim(),
            null, user.UserName());
    }
}
