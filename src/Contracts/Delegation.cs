namespace Grid.Contracts;

public enum DelegationChange { Add, Adjust, Remove }

/// <summary>Art. 13's grounds for adjusting the delegation list (高频服务事项下沉清单); numbered as the article's clauses.</summary>
public enum AdjustmentReason
{
    CatalogAdjusted = 1,      // (一) 因服务事项基本清单调整,需要对应调整
    PublicDemand = 2,         // (二) 企业群众反应强烈需要新增的,或者需求不高需要取消的
    QualityAssessment = 3,    // (三) 相关职能部门对下沉事项开展质效评估需要调整
    CityDecision = 4,         // 市委、市政府认为有必要,另行组织调整
}

public enum FrequencyClass { High, Medium, Low }

public enum ProposalStage { Drafted, PartyGroupReviewed, LeaderApproved, Aggregated, Decided, Published, Rejected }

/// <summary>A department drafts adding, adjusting or removing an item on a township's or village's list.</summary>
public sealed record DelegationProposalRequest(
    string ItemCode, DelegationChange Change, ServiceLevel TargetLevel, AdjustmentReason? Reason, string Justification, FrequencyClass? SurveyedFrequency);

/// <summary>A workflow step's decision and the document it cites.</summary>
public sealed record DelegationStepRequest(bool Approved, string Reference, string? Note);

public sealed record PublishDelegationListRequest(DateOnly EffectiveDate);

public sealed record WorkflowRecordDto(ProposalStage Stage, bool Approved, string By, string Role, string Reference, string? Note, DateTime AtUtc);

/// <summary>How the frequency class was found: from requests on the platform, or from the department's survey.</summary>
public sealed record FrequencyEvidenceDto(FrequencyClass Class, string Source, long? Requests, int? Months);

public sealed record DelegationProposalDto(
    string Id, string RegionCode, string ItemCode, string ItemName, string Department, DelegationChange Change, ServiceLevel TargetLevel,
    AdjustmentReason? Reason, string Justification, FrequencyEvidenceDto Frequency, ProposalStage Stage,
    IReadOnlyList<WorkflowRecordDto> Trail, int? PublishedInVersion);

public sealed record DelegationEntryDto(string ItemCode, string ItemName, string Department, ServiceLevel TargetLevel, FrequencyClass Frequency, string ProposalId, DateOnly Since);

public sealed record DelegationChangeRecordDto(string ProposalId, DelegationChange Change, string ItemCode, AdjustmentReason? Reason);

/// <summary>A published, numbered and never-changing version of a region's delegation list.</summary>
public sealed record DelegationListVersionDto(
    string RegionCode, int Number, DateOnly EffectiveDate, DateTime PublishedUtc, string PublishedBy,
    IReadOnlyList<DelegationEntryDto> Entries, IReadOnlyList<DelegationChangeRecordDto> Changes);

public sealed record DelegationVersionSummaryDto(int Number, DateOnly EffectiveDate, DateTime PublishedUtc, int EntryCount);
