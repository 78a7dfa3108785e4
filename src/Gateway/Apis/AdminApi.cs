using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Accounts;
using Grid.Grains.Deadlines;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis;

public sealed record CreateAccountRequest(string UserName, string DisplayName, string Password, string Role, string RegionCode, string? SubjectId);

public sealed record ScheduleDeadlineRequest(string Id, DateTimeOffset DueAt, string Kind);

public sealed record DeadlineDto(string Id, string Kind, DateTimeOffset DueAt, string Status, DateTimeOffset? FiredAt);

/// <summary>Accounts and durable deadlines, for administrators.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        api.MapPut("/accounts/{userName}", PutAccount).WithName("PutAccount").WithSummary("Create or replace an account.");
        api.MapGet("/accounts/{userName}", GetAccount).WithName("GetAccount").WithSummary("An account (without its password).");
        api.MapPut("/deadlines", ScheduleDeadline).WithName("ScheduleDeadline").WithSummary("Schedule a durable deadline (operations check of the reminder service).");
        api.MapGet("/deadlines/{id}", GetDeadline).WithName("GetDeadline").WithSummary("A durable deadline and whether it has fired.");
        return api;
    }

    public static async Task<Results<Ok<AccountDto>, ValidationProblem>> PutAccount(string userName, CreateAccountRequest request, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        var key = userName.Trim().ToLowerInvariant();
        if (key.Length is < 2 or > 64 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            errors["userName"] = ["Use 2–64 letters, digits, '.', '-' or '_'."];
        if (!string.Equals(request.UserName?.Trim(), userName.Trim(), StringComparison.OrdinalIgnoreCase))
            errors["userName"] = ["The body's userName must match the address."];
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors["displayName"] = ["Enter a display name."];
        if (request.Password is not { Length: >= 10 }) errors["password"] = ["Use at least 10 characters."];
        if (!Roles.All.Contains(request.Role)) errors["role"] = [$"Role must be one of {string.Join(", ", Roles.All)}."];
        if (!RegionCodes.IsValid(request.RegionCode)) errors["regionCode"] = ["Use a 12-digit region code."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var info = new AccountInfo(key, request.DisplayName.Trim(), request.Role, request.RegionCode, request.SubjectId, true);
        await grains.GetGrain<IAccountGrain>(key).SetAsync(info, request.Password);
        return TypedResults.Ok(info.ToDto());
    }

    public static async Task<Results<Ok<AccountDto>, NotFound>> GetAccount(string userName, IGrainFactory grains) =>
        await grains.GetGrain<IAccountGrain>(userName.Trim().ToLowerInvariant()).GetAsync() is { } a
            ? TypedResults.Ok(a.ToDto()) : TypedResults.NotFound();

    public static async Task<Results<Ok<DeadlineDto>, ValidationProblem>> ScheduleDeadline(ScheduleDeadlineRequest request, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.Id) || request.Id.Length > 100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["Give the deadline an id of 1–100 characters."] });
        var info = await grains.GetGrain<IDeadlineGrain>("probe/" + request.Id).ScheduleAsync(request.Kind ?? "probe", request.DueAt.UtcDateTime, null);
        return TypedResults.Ok(info.ToDto(request.Id));
    }

    public static async Task<Results<Ok<DeadlineDto>, NotFound>> GetDeadline(string id, IGrainFactory grains) =>
        await grains.GetGrain<IDeadlineGrain>("probe/" + id).GetAsync() is { } d
            ? TypedResults.Ok(d.ToDto(id)) : TypedResults.NotFound();

    private static DeadlineDto ToDto(this DeadlineInfo d, string id) => new(id, d.Kind,
        new DateTimeOffset(d.DueUtc, TimeSpan.Zero), d.Status.ToString(), d.FiredAtUtc is { } f ? new DateTimeOffset(f, TimeSpan.Zero) : null);
}
