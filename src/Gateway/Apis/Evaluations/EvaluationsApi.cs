using Grid.Gateway.Apis.Common;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>
/// 好差评: one evaluation per service record. The rating belongs to the served resident: on the portal or
/// a terminal signed in as that resident, through a rating link delivered to the resident's or a
/// registered proxy's phone or printed on the window slip, or by phone to center staff, who enter it
/// under their own account (flagged when they served or registered the service). Workers enter no
/// ratings at all: the worker who served can never be the one who rates.
/// </summary>
public static class EvaluationsApi
{
    private static readonly string[] PhoneStaff = [Roles.CenterStaff, Roles.Coordinator, Roles.Admin];

    public static void MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluations").WithTags("Evaluations").RequireAuthorization();
        app.MapPost("/api/evaluations", Create).WithTags("Evaluations").RequireAuthorization().WithName("CreateEvaluation")
            .WithSummary("Rate a service: the served resident on the portal or a terminal, or center staff entering a phone rating (recorded with the entrant, flagged when they served). Workers are refused (403); a second rating is refused (409).");
        api.MapGet("/{recordId}", Get).WithName("GetEvaluation").WithSummary("The evaluation of a service record.");

        var pub = app.MapGroup("/api/public/evaluations").WithTags("Public").AllowAnonymous();
        pub.MapGet("/qr/{token}", GetByQr).WithName("GetQrEvaluation").WithSummary("What a rating link (SMS or printed slip) rates, and whether it is already rated.");
        pub.MapPost("/qr/{token}", RateByQr).WithName("RateByQr").WithSummary("Rate a service through the single-use link delivered to the resident, without an account; a spent link answers 409, an expired one 410.");
    }

    public static async Task<Created<EvaluationDto>> Create(CreateEvaluationRequest request, ClaimsPrincipal user, AccessService access, IGrainFactory grains,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        if (user.Role() == Roles.Worker)
            throw new ForbiddenException("Workers do not enter ratings; the resident rates through the link sent to their phone, the window slip, the portal or a call from the service center.");
        if (string.IsNullOrWhiteSpace(request.RecordId)) throw ValidationException.For("recordId", "Give the id of the service record being rated.");
        var view = await ServiceRecordsApi.FindAsync(grains, request.RecordId);
        if (request.Channel == RatingChannel.QrCode)
            throw ValidationException.For("channel", "Link ratings come through the resident's link (the portal page /rate/{token}, which posts to /api/public/evaluations/qr/{token}).");
        string? flag = null;
        if (user.Role() == Roles.Resident)
        {
            if (request.Channel == RatingChannel.Phone) throw ValidationException.For("channel", "Residents rate on the Portal or a Terminal; phone ratings are entered by staff.");
            await access.RequireAsync(Act.Read, view.Record.Target(),
                "You can rate only services done for you; a family proxy rates through the link sent to their phone.");
        }
        else if (PhoneStaff.Contains(user.Role()))
        {
            if (request.Channel == RatingChannel.Portal) throw ValidationException.For("channel", "Staff enter ratings given by Phone or at a Terminal.");
            await access.RequireAsync(Act.Change, view.Record.Target());
            flag = Entrants.FlagFor(user, view.Record);
        }
        else throw new ForbiddenException("Only the resident served, or center staff entering the resident's rating, can rate a service.");
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : $"{user.UserName()}:{idempotencyKey}";
        var submission = Submission(request.Overall, request.Indicators, request.Comment, request.Channel, user.UserName(), key) with
        {
            EnteredByRole = user.Role(), Flag = flag,
        };
        var evaluation = await grains.GetGrain<IEvaluationGrain>(request.RecordId).EvaluateAsync(submission);
        return TypedResults.Created($"/api/evaluations/{Uri.EscapeDataString(request.RecordId)}", evaluation.ToDto());
    }

    public static async Task<Ok<EvaluationDto>> Get(string recordId, AccessService access, IGrainFactory grains)
    {
        var view = await ServiceRecordsApi.FindAsync(grains, recordId);
        await access.RequireAsync(Act.Read, view.Record.Target());
        return TypedResults.Ok(view.Evaluation?.ToDto() ?? throw new NotFoundException($"Service record {recordId} has not been rated yet."));
    }

    public static async Task<Ok<QrServiceDto>> GetByQr(string token, IGrainFactory grains)
    {
        var (recordId, secret) = Parse(token);
        var check = Open(await grains.GetGrain<IEvaluationGrain>(recordId).CheckLinkAsync(secret), spentIsAnError: false);
        var record = check.View!.Record;
        return TypedResults.Ok(new QrServiceDto(record.ItemName, record.HandledByUnitName, record.StaffName,
            ShanghaiTime.Show(record.CompletedAtUtc), check.Status == RatingLinkStatus.Spent, ShanghaiTime.Show(check.ExpiresAtUtc)));
    }

    public static async Task<Created<EvaluationDto>> RateByQr(string token, QrEvaluationRequest request, IGrainFactory grains)
    {
        var (recordId, secret) = Parse(token);
        var submission = Submission(request.Overall, request.Indicators, request.Comment, RatingChannel.QrCode, "link", null);
        var check = Open(await grains.GetGrain<IEvaluationGrain>(recordId).RateByLinkAsync(secret, submission), spentIsAnError: true);
        return TypedResults.Created($"/api/public/evaluations/qr/{token}", check.Evaluation!.ToDto() with
        {
            RectificationUrl = null, EnteredBy = null, EnteredByRole = null, Flagged = false, FlagReason = null,
        });
    }

    private static (string RecordId, string Secret) Parse(string token) =>
        RatingLinks.Parse(token) ?? throw new ForbiddenException("This rating link is not valid; open the link in your text message or scan your slip again.");

    private static RatingLinkCheck Open(RatingLinkCheck check, bool spentIsAnError) => check.Status switch
    {
        RatingLinkStatus.Open => check,
        RatingLinkStatus.Spent when !spentIsAnError => check,
        RatingLinkStatus.Spent => throw new ConflictException("This service has already been rated; each service is rated once (一次一评, 一事一评) and the link is used up."),
        RatingLinkStatus.Expired => throw new LinkExpiredException($"This rating link expired on {ShanghaiTime.Show(check.ExpiresAtUtc):yyyy-MM-dd}; ask the service center to call you back for your rating."),
        _ => throw new ForbiddenException("This rating link is not valid; open the link in your text message or scan your slip again."),
    };

    private static EvaluationSubmission Submission(Satisfaction overall, IndicatorRatingsDto? indicators, string? comment,
        RatingChannel channel, string enteredBy, string? key)
    {
        if (!Enum.IsDefined(overall)) throw ValidationException.For("overall", "Choose one of VerySatisfied, Satisfied, BasicallySatisfied, Dissatisfied, VeryDissatisfied.");
        if (comment is { Length: > 500 }) throw ValidationException.For("comment", "Keep the comment to 500 characters.");
        return new EvaluationSubmission(overall, indicators.ToModel(), string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            channel, enteredBy, key);
    }
}
