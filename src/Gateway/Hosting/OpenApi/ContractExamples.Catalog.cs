using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

public static partial class ContractExamples
{
    private static void AddCatalog(Dictionary<Type, object> all)
    {
        var limit = all.Put(new TimeLimitDto(15, TimeLimitUnit.WorkingDays));
        var item = all.Put(new ServiceItemDto(ItemCode, ItemName, ServiceItemType.AdministrativePayment, null, Department,
            "《湖北省老年人权益保障条例》", "县(市、区)民政局", "具有本地户籍、年满80周岁的老年人", 0, "按月发放高龄津贴", "无数量限制",
            null, limit, ["受理", "审核", "审批", "办结"], [ServiceLevel.County, ServiceLevel.Township, ServiceLevel.Village], ["elderly-care", "civil-affairs"]));
        all.Put(new SaveItemRequest(item, "按市级清单统一承诺时限"));
        all.Put(new ServiceItemVersionDto(County, 2, item, "department-mz", "按市级清单统一承诺时限", AtUtc));
        var entry = all.Put(new CatalogEntryDto(County, ItemCode, ItemName, ServiceItemType.AdministrativePayment, null,
            [ServiceLevel.County, ServiceLevel.Township, ServiceLevel.Village], Department, 2, ["elderly-care", "civil-affairs"]));
        var material = all.Put(new GuideMaterialDto("高龄津贴申请表", MaterialType.Original, MaterialSource.Applicant, 1, "纸质", "填写完整并签字", false, false, true));
        var faq = all.Put(new GuideFaqDto("行动不便能否上门办理?", "可以,社区网格员提供帮办代办服务。"));
        var sample = all.Put(new GuideSampleDto("高龄津贴申请表(示范文本)", SampleKind.ExampleText, "https://example.invalid/samples/MZ-GF-001.pdf"));
        var guide = all.Put(new ServiceGuideDto([material], "温泉街道便民服务中心 1 号综合窗口", "0715-0000000", "咸安区政务服务中心投诉台",
            [faq], [sample], "年满80周岁的老人,带上申请表即可申请。", null, null));
        all.Put(new SaveGuideRequest(guide, "补充帮办代办说明"));
        all.Put(new ServiceGuideVersionDto(County, ItemCode, 3, guide, "department-mz", "补充帮办代办说明", AtUtc));

        var bundle = all.Put(new ServiceBundleDto("YJS-SH-001", "老年人福利一件事", Department, [ItemCode, "MZ-GG-006"], "高龄津贴与居家养老服务补贴一次申请"));
        all.Put(new ServiceBundleVersionDto(bundle, 1, "department-mz", AtUtc));
        all.Put(new BundleApplyRequest(Village, ResidentId));
        all.Put(new BundleDecisionRequest(true, "材料齐全"));
        var approval = all.Put(new ItemApprovalDto(ItemCode, ItemName, Department, ApprovalState.Pending, null, null, null));
        all.Put(new BundleApplicationDto("BA-20260302-0001", "YJS-SH-001", Village, ResidentId, "center-wanniancun", AtUtc, [approval],
            BundleApplicationStatus.InProgress));

        var rule = all.Put(new EligibilityRuleDto([], [], 80, null, null));
        var policy = all.Put(new EntitlementPolicyDto("MSJX-001", "高龄津贴免申即享", Department, County, ItemCode, "每月100元高龄津贴", rule, "咸安政函〔2026〕1号"));
        all.Put(new EntitlementPolicyVersionDto(policy, 1, "databureau", AtUtc));
        all.Put(new EligibleResidentDto(ResidentId, "李**", "421202********0006", Village, GridId, ["年满80周岁"]));
    }
}
