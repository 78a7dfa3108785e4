using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

public static partial class ContractExamples
{
    private static void AddHotline(Dictionary<Type, object> all)
    {
        const string orderId = "WO20260302-3f2a9c1b7d";
        // Dispatched Monday 2 March: sign for by the end of Tuesday, answer by the end of the fifth working day.
        var signDue = new DateTimeOffset(2026, 3, 4, 0, 0, 0, At.Offset);
        var answerDue = new DateTimeOffset(2026, 3, 10, 0, 0, 0, At.Offset);
        all.Put(new WorkOrderIntakeRequest(WorkOrderChannel.Agent, "sanitation", WorkOrderGrade.Request, Urgency.Routine, null,
            "小区门口垃圾三天没人清运", 29.8446, 114.3221, null, null, "张先生", FakePhone));
        all.Put(new DispatchWorkOrderRequest(HandlingUnitKind.Region, Township, "属地办理"));
        all.Put(new WorkOrderReasonRequest("地址不属本街道辖区"));
        all.Put(new ExtensionRequestDto(3, "需协调环卫公司调车"));
        all.Put(new ExtensionDecisionRequest(true, null));
        all.Put(new AnswerWorkOrderRequest("已安排清运, 并增加每日清运频次"));
        all.Put(new WorkOrderCallbackRequest(Satisfaction.Satisfied, true, "来电人表示满意"));
        var step = all.Put(new WorkOrderEventDto(At, "databureau", "dispatched", $"to Region/{Township}"));
        all.Put(new PendingExtensionDto(3, "需协调环卫公司调车", At.AddDays(1)));
        all.Put(new WorkOrderDto(orderId, WorkOrderChannel.Agent, "sanitation", WorkOrderGrade.Request, Urgency.Routine, null,
            "小区门口垃圾三天没人清运", 29.8446, 114.3221, null, GridId, Village, Township, WorkOrderStage.Dispatched, HandlingUnitKind.Region, Township,
            At, signDue, answerDue, null, 0, 0, null, null, null, "张先生", FakePhone, 2, [step]));
        all.Put(new WorkOrderSummaryDto(orderId, "sanitation", WorkOrderGrade.Request, WorkOrderStage.SignedFor, HandlingUnitKind.Region, Township,
            Village, At, signDue, answerDue, true, false, 0, false, null, null, 3));
        all.Put(new UnitStatisticsDto(HandlingUnitKind.Region, Township, "2026-03", 120, 114, 110, 101, 96, 90, 85, 0.95, 0.9375, 0.8854, 1));
    }
}
