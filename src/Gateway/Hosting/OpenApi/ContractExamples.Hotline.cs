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
        all.Put(new MergeWorkOrderRequest("WO20260302-8c41d0e2aa", "同一来电人反映同一小区垃圾问题"));
        all.Put(new GridDispatchRequest(ResidentId, "老人行动不便, 请网格员上门代办"));
        all.Put(new IssueOpen311KeyRequest("通城县 12345 微信小程序", "421222000000"));
        var merged = all.Put(new MergedOrderDto("WO20260302-8c41d0e2aa", "李女士", FakePhone, At.AddMinutes(20), "databureau", "同一来电人反映同一小区垃圾问题"));
        var attachment = all.Put(new WorkOrderAttachmentDto("5b1f0c9e2d7a4e31", "现场照片.jpg", "image/jpeg", 482113,
            "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a0b", "databureau", At.AddMinutes(5)));
        all.Put(new WorkOrderDto(orderId, WorkOrderChannel.Agent, "sanitation", WorkOrderGrade.Request, Urgency.Routine, null,
            "小区门口垃圾三天没人清运", 29.8446, 114.3221, null, GridId, Village, Township, WorkOrderStage.Dispatched, HandlingUnitKind.Region, Township,
            At, signDue, answerDue, null, 0, 0, null, null, null, "张先生", FakePhone, 2, [step], null, [merged], [attachment], null));
        var summary = all.Put(new WorkOrderSummaryDto(orderId, "sanitation", WorkOrderGrade.Request, WorkOrderStage.SignedFor, HandlingUnitKind.Region, Township,
            Village, At, signDue, answerDue, true, false, 0, false, null, null, 3));
        all.Put(new DuplicateProposalDto(summary, ["SameCaller", "SamePlaceAndCategory"], 42.5));
        var key = all.Put(new Open311KeyDto("a1b2c3d4e5f6", "通城县 12345 微信小程序", "421222000000", At, "admin", null));
        all.Put(new IssuedOpen311KeyDto(key, "o311_Xq3v9Lr2bT8wYp4kN6sJd1hFz0cGm5aE7uRiOtQyWlU"));
        all.Put(new UnitStatisticsDto(HandlingUnitKind.Region, Township, "2026-03", 120, 114, 110, 101, 96, 90, 85, 0.95, 0.9375, 0.8854, 1));
    }
}
