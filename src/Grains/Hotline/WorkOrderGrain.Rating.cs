using System.Text.Json;
using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;

namespace Grid.Grains.Hotline;

/// <summary>What the callback hands to 好差评: the service record of the handling unit and the caller's rating of it.</summary>
public sealed record RatingFeed(ServiceRecordInfo Record, EvaluationSubmission Submission);

/// <summary>
/// The callback's rating feeds the existing evaluation records (好差评): one service record per order and
/// round, handled by the unit, rated by the caller over the phone. A bad rating thereby opens the
/// existing rectification (7-day fix) and every rating counts in the existing statistics.
/// </summary>
public sealed partial class WorkOrderGrain
{
    private void FeedEvaluation(HotlineActor actor, string? note)
    {
        // Evaluation statistics count by village and township; a department's order without a place has neither.
        var region = S.Unit is { Kind: HandlingUnitKind.Region } u ? u.Id : S.VillageCode ?? S.TownshipCode;
        if (region is null || !StatsKeys.IsCountedRegion(region)) return;
        var unit = S.Unit!;
        var category = HotlineCategories.Find(S.Intake!.Category);
        var recordId = $"{Id}-R{S.Round}";
        var record = new ServiceRecordInfo(recordId, ServiceRecordKind.HotlineOrder, unit.ToString(), unit.ToString(),
            S.Intake.ItemCode ?? "hotline-" + S.Intake.Category, category?.Name ?? S.Intake.Category, region, region, unit.ToString(),
            S.AnsweredAtUtc ?? Now, S.ReceivedAtUtc, ResidentId: null, SourceId: Id, RegisteredBy: actor.UserName);
        var rating = new EvaluationSubmission(S.Rating!.Value, new IndicatorRatings(null, null, null, null), note, RatingChannel.Phone,
            actor.UserName, IdempotencyKey: recordId, EnteredByRole: actor.Role);
        S.Outbox.Enqueue(Effects.Rating, recordId, text: JsonSerializer.Serialize(new RatingFeed(record, rating)));
    }

    /// <summary>Both calls are idempotent: a registered record is kept, a repeated rating with its key answers the stored one.</summary>
    private async Task RateAsync(OutboxEffect e)
    {
        var feed = JsonSerializer.Deserialize<RatingFeed>(e.Text!)!;
        await GrainFactory.GetGrain<IServiceRecordGrain>(e.Target).RegisterAsync(feed.Record);
        await GrainFactory.GetGrain<IEvaluationGrain>(e.Target).EvaluateAsync(feed.Submission);
    }
}
