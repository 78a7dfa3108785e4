using Grid.Gateway.Apis.Common;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>好差评: one evaluation per service record, from the portal, a terminal, staff taking a call, or a receipt's QR link.</summary>
public static class EvaluationsApi
{
    private static readonly string[] PhoneStaff = [Roles.CenterStaff, Roles.Worker, Roles.Coordinator, Roles.Admin];

    public static void MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluations").WithTags("Evaluations").RequireAuthorization();
        app.MapPost("/api/evaluations", Create).WithTags("Evaluations").RequireAuthorization().WithName("CreateEvaluation")
            .WithSummary("Rate a service: a resident on the portal or a terminal, or staff entering a phone rating. A second rating is refused (409).");
        api.MapGet("/{recordId}", Get).WithName("GetEvaluation").WithSummary("The evaluation of a service record.");

        var pub = app.MapGroup("/api/public/evaluations").WithTags("Public").AllowAnonymous();
        pub.MapGet("/qr/{token}", GetByQr).WithName("GetQrEvaluation").WithSummary("What a receipt's QR link rates, and whether it is already rated.");
        pub.MapPost("/qr/{token}", RateByQr).WithName("RateByQr").WithSummary("Rate a service through its receipt's QR link, without an account; once.");
    }

    public static async Task<Created<EvaluationDto>> Create(CreateEvaluationRequest request, ClaimsPrincipal user, IGrainFactory grains,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(request.RecordId)) throw ValidationException.For("recordId", "Give the id of the service record being rated.");
        var view = await ServiceRecordsApi.FindAsync(grains, request.RecordId);
        if (request.Channel == RatingChannel.QrCode)
            throw ValidationException.For("channel", "QR-code ratings come through the receipt's link (the portal page /rate/{token}, which posts to /api/public/evaluations/qr/{token}).");
        if (user.Role() == Roles.Resident)
        {
            if (request.Channel == RatingChannel.Phone) throw ValidationException.For("channel", "Residents rate on the Portal or a Terminal; phone ratings are entered by staff.");
            if (view.Record.ResidentId is null || view.Record.ResidentId != user.SubjectId())
                throw new ForbiddenException("You can rate only services done for you; use the QR link on your receipt for others.");
        }
        else if (PhoneStaff.Contains(user.Role()))
        {
            if (request.Channel == RatingChannel.Portal) throw ValidationException.For("channel", "Staff enter ratings given by Phone or at a Terminal.");
            user.RequireScope(view.Record.VillageCode, $"Service record {request.RecordId}");
        }
        else throw new ForbiddenException("Only the resident served, or staff entering the resident's rating, can rate a service.");
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : $"{user.UserName()}:{idempotencyKey}";
        var evaluation = await RateAsync(grains, request.RecordId, request.Overall, request.Indicators, request.Comment,
            request.Channel, user.UserName(), key);
        return TypedResults.Created($"/api/evaluations/{Uri.EscapeDataString(request.RecordId)}", evaluation.ToDto());
    }

    public static async Task<Ok<EvaluationDto>> Get(string recordId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var view = await ServiceRecordsApi.FindAsync(grains, recordId);
        if (user.Role() == Roles.Resident ? view.Record.ResidentId != user.SubjectId() : !user.CanSee(view.Record.VillageCode))
            throw new ForbiddenException($"Service record {recordId} is not yours to see.");
        return TypedResults.Ok(view.Evaluation?.ToDto() ?? throw new NotFoundException($"Service record {recordId} has not been rated yet."));
    }

    public static async Task<Ok<QrServiceDto>> GetByQr(string token, IGrainFactory grains, QrTokenService tokens)
    {
        var (view, expires) = await ResolveAsync(token, grains, tokens);
        return TypedResults.Ok(new QrServiceDto(view.Record.ItemName, view.Record.HandledByUnitName, view.Record.StaffName,
            ShanghaiTime.Show(view.Record.CompletedAtUtc), view.Evaluation is not null, ShanghaiTime.Show(expires.UtcDateTime)));
    }

    public static async Task<Created<EvaluationDto>> RateByQr(string token, QrEvaluationRequest request, IGrainFactory grains, QrTokenService tokens)
    {
        var (view, _) = await ResolveAsync(token, grains, tokens);
        var evaluation = await RateAsync(grains, view.Record.Id, request.Overall, request.Indicators, request.Comment, RatingChannel.QrCode, "qr", null);
        return TypedResults.Created($"/api/public/evaluations/qr/{token}", evaluation.ToDto() with { RectificationUrl = null });
    }

    private static async Task<(ServiceRecordView View, DateTimeOffset Expires)> ResolveAsync(string token, IGrainFactory grains, QrTokenService tokens)
    {
        var check = tokens.Check(token);
        return check.Status switch
        {
            QrTokenStatus.Valid => (await ServiceRecordsApi.FindAsync(grains, check.RecordId!), check.ExpiresAt),
            QrTokenStatus.Expired => throw new LinkExpiredException($"This evaluation link expired on {ShanghaiTime.Show(check.ExpiresAt.UtcDateTime):yyyy-MM-dd}; ask the service hall for a new receipt."),
            _ => throw new ForbiddenException("This evaluation link is not valid; scan the QR code on your receipt again."),
        };
    }

    private static Task<EvaluationInfo> RateAsync(IGrainFactory grains, string recordId, Satisfaction overall, IndicatorRatingsDto? indicators,
        string? comment, RatingChannel channel, string enteredBy, string? key)
    {
        if (!Enum.IsDefined(overall)) throw ValidationException.For("overall", "Choose one of VerySatisfied, Satisfied, BasicallySatisfied, Dissatisfied, VeryDissatisfied.");
        if (comment is { Length: > 500 }) throw ValidationException.For("comment", "Keep the comment to 500 characters.");
        var submission = new EvaluationSubmission(overall, indicators.ToModel(), string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            channel, enteredBy, key);
        return grains.GetGrain<IEvaluationGrain>(recordId).EvaluateAsync(submission);
    }
}
