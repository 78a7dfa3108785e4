using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

public static partial class ContractExamples
{
    private static void AddEvaluations(Dictionary<Type, object> all)
    {
        const string recordId = "SR-20260302-0001";
        all.Put(new RegisterServiceRecordRequest(recordId, ServiceRecordKind.AssistedAgencyTask, WorkerId, "张帮办", ItemCode, ItemName,
            Village, Township, "温泉街道便民服务中心", At.AddHours(-1), At, ResidentId));
        var ratings = all.Put(new IndicatorRatingsDto(Satisfaction.Satisfied, Satisfaction.VerySatisfied, null, Satisfaction.Satisfied));
        all.Put(new CreateEvaluationRequest(recordId, Satisfaction.Satisfied, ratings, "上门办理,很方便", RatingChannel.Portal));
        all.Put(new QrEvaluationRequest(Satisfaction.VerySatisfied, null, "服务热情"));
        var evaluation = all.Put(new EvaluationDto(recordId, Satisfaction.Satisfied, false, ratings, "上门办理,很方便", RatingChannel.Portal, At.AddHours(2), null,
            "resident-wanniancun", "Resident", false, null));
        all.Put(new ServiceRecordDto(recordId, ServiceRecordKind.AssistedAgencyTask, WorkerId, "张帮办", ItemCode, ItemName, Village, Township,
            "温泉街道便民服务中心", At.AddHours(-1), At, ResidentId, null, evaluation));
        all.Put(new RectificationStepRequest(RectificationActionKind.Fix, "已补发津贴并向居民说明", ["发放凭证-202603.pdf"], null));
        all.Put(new AppealRequest(AppealGround.Mistaken, "居民误评,事项已按时办结,附回访录音。"));
        all.Put(new AppealDecisionRequest(false, "回访确认居民不满意属实"));
        var step = all.Put(new RectificationStepDto("CallBack", At.AddDays(1), "center-wanniancun", "已电话回访", []));
        all.Put(new RectificationDto(recordId, 2, RectificationState.CalledBack, Satisfaction.Dissatisfied, "等待时间太长", ItemCode, ItemName,
            Village, Township, "温泉街道便民服务中心", Township, 0, At, At.AddDays(7), null, "7 calendar days", false, null, false, null, null, [step]));
        all.Put(new RectificationSummaryDto(recordId, RectificationState.CalledBack, Satisfaction.Dissatisfied, ItemName, Village, Township,
            Township, 0, At, At.AddDays(7), null, false, false));
    }
}
