using Grid.Gateway.Security.Access;
using Grid.Grains.Evaluations;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>Service records and rectifications as access sees them: the village served, the resident it was for.</summary>
internal static class EvaluationTargets
{
    public static Target Target(this ServiceRecordInfo r) => new(Kind.ServiceRecord, r.VillageCode, Owner: r.ResidentId);

    /// <summary>The unit answerable for the fix (a township or county above the village) may act on it too.</summary>
    public static Target Target(this RectificationInfo i) =>
        new(Kind.Rectification, i.VillageCode, Owner: i.ResidentId, AnswerableRegion: i.ResponsibleRegion);
}
