using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

public static partial class ContractExamples
{
    private static void AddDelegation(Dictionary<Type, object> all)
    {
        all.Put(new DelegationProposalRequest(ItemCode, DelegationChange.Add, ServiceLevel.Village, AdjustmentReason.PublicDemand,
            "高龄老人就近申领需求强烈", FrequencyClass.High));
        all.Put(new DelegationStepRequest(true, "民政局党组会议纪要〔2026〕3号", null));
        all.Put(new PublishDelegationListRequest(new DateOnly(2026, 4, 1)));
        var evidence = all.Put(new FrequencyEvidenceDto(FrequencyClass.High, "platform", 1260, 12));
        var record = all.Put(new WorkflowRecordDto(ProposalStage.PartyGroupReviewed, true, "department-mz", Roles.Department,
            "民政局党组会议纪要〔2026〕3号", null, AtUtc));
        all.Put(new DelegationProposalDto("P-0001", County, ItemCode, ItemName, Department, DelegationChange.Add, ServiceLevel.Village,
            AdjustmentReason.PublicDemand, "高龄老人就近申领需求强烈", evidence, ProposalStage.PartyGroupReviewed, [record], null));
        var entry = all.Put(new DelegationEntryDto(ItemCode, ItemName, Department, ServiceLevel.Village, FrequencyClass.High, "P-0001", new DateOnly(2026, 4, 1)));
        var change = all.Put(new DelegationChangeRecordDto("P-0001", DelegationChange.Add, ItemCode, AdjustmentReason.PublicDemand));
        all.Put(new DelegationListVersionDto(County, 1, new DateOnly(2026, 4, 1), AtUtc, "databureau", [entry], [change]));
        all.Put(new DelegationVersionSummaryDto(1, new DateOnly(2026, 4, 1), AtUtc, 1));
    }
}
