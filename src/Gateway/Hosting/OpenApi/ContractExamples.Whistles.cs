using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

public static partial class ContractExamples
{
    /// <summary>吹哨派单, heads on the line and the public page (Art. 25, 26, 31).</summary>
    private static void AddHotlineWhistlesAndHeads(Dictionary<Type, object> all)
    {
        string[] departments = ["住建局", "城管局", Department];
        var due = new DateTimeOffset(2026, 3, 4, 0, 0, 0, At.Offset);
        all.Put(new IssueWhistleOrderRequest(Township, "温泉路老旧小区加装电梯协调", "温泉街道办事处二楼会议室", departments, 2));
        all.Put(new WhistleReportInRequest("住建局", "已派专人到场, 明日提交加装方案"));
        all.Put(new CloseWhistleOrderRequest("各部门已报到, 问题转入常规办理"));
        var report = all.Put(new WhistleReportDto("住建局", At.AddHours(2), "zjj-staff", "已派专人到场, 明日提交加装方案", true));
        var order = all.Put(new WhistleSummaryDto("WH20260302-8c41d07e2b", Township, "温泉路老旧小区加装电梯协调", departments, At, due,
            [report], ["城管局", Department], [], false, 2));
        all.Put(new WhistleOrderDto(order, "温泉街道办事处二楼会议室", "township", [new WorkOrderEventDto(At, "township", "issued", "to 住建局, 城管局, 民政局")]));

        all.Put(new HeadSlotRequest(new DateOnly(2026, 3, 2), Department, "王局长", "局长"));
        all.Put(new HeadCallRequest("social-security", WorkOrderGrade.Consultation, "咨询高龄津贴申领条件", null, null, "温泉路 1 号", Township,
            "张先生", FakePhone, true, "年满 80 周岁可在村(社区)申领, 已告知所需材料"));
        var investigation = all.Put(new HeadInvestigationDto(new DateTimeOffset(2026, 3, 3, 0, 0, 0, At.Offset), null, InvestigationState.Open));
        var call = all.Put(new HeadCallDto("WO20260302-3f2a9c1b7d", At, "social-security", "反映高龄津贴三个月未到账", false, WorkOrderStage.Dispatched, investigation));
        var slot = all.Put(new HeadSlotDto("2026-03-02-5b0e9d1a", new DateOnly(2026, 3, 2), Department, "王局长", "局长", [call]));
        all.Put(new HeadDayDto(new DateOnly(2026, 3, 2), [slot]));
        all.Put(new PublicWorkOrderDto("WO20260302-3f2a9c1b7d", "sanitation", WorkOrderGrade.Request, HandlingUnitKind.Region, Township, Village, "万年路社区",
            At, At.AddDays(1), Satisfaction.Satisfied, true));
    }
}
