using Grid.Grains.Catalog;

namespace Grid.Grains.Delegation;

/// <summary>The steps after drafting that each need their own role (see <see cref="DelegationWorkflow"/>).</summary>
[GenerateSerializer, Alias("grid.delegation-step")]
public enum DelegationStep { PartyGroupReview, LeaderApproval, Aggregation, ExecutiveMeetingDecision }

[GenerateSerializer, Immutable, Alias("grid.proposal-draft")]
public sealed record ProposalDraft(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] DelegationChange Change,
    [property: Id(2)] ServiceLevel TargetLevel,
    [property: Id(3)] AdjustmentReason? Reason,
    [property: Id(4)] string Justification,
    [property: Id(5)] FrequencyClass? SurveyedFrequency);

[GenerateSerializer, Immutable, Alias("grid.workflow-record")]
public sealed record WorkflowRecord(
    [property: Id(0)] ProposalStage Stage,
    [property: Id(1)] bool Approved,
    [property: Id(2)] string By,
    [property: Id(3)] string Role,
    [property: Id(4)] string Reference,
    [property: Id(5)] string? Note,
    [property: Id(6)] DateTime AtUtc);

/// <summary>How the frequency class was found: from requests on the platform, or from the department's survey.</summary>
[GenerateSerializer, Immutable, Alias("grid.frequency-evidence")]
public sealed record FrequencyEvidence(
    [property: Id(0)] FrequencyClass Class,
    [property: Id(1)] string Source,
    [property: Id(2)] long? Requests,
    [property: Id(3)] int? Months);

[GenerateSerializer, Immutable, Alias("grid.delegation-proposal")]
public sealed record DelegationProposal(
    [property: Id(0)] string Id,
    [property: Id(1)] string RegionCode,
    [property: Id(2)] string ItemCode,
    [property: Id(3)] string ItemName,
    [property: Id(4)] string Department,
    [property: Id(5)] DelegationChange Change,
    [property: Id(6)] ServiceLevel TargetLevel,
    [property: Id(7)] AdjustmentReason? Reason,
    [property: Id(8)] string Justification,
    [property: Id(9)] FrequencyEvidence Frequency,
    [property: Id(10)] ProposalStage Stage,
    [property: Id(11)] IReadOnlyList<WorkflowRecord> Trail,
    [property: Id(12)] int? PublishedInVersion);

[GenerateSerializer, Immutable, Alias("grid.delegation-entry")]
public sealed record DelegationEntry(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] string ItemName,
    [property: Id(2)] string Department,
    [property: Id(3)] ServiceLevel TargetLevel,
    [property: Id(4)] FrequencyClass Frequency,
    [property: Id(5)] string ProposalId,
    [property: Id(6)] DateOnly Since);

[GenerateSerializer, Immutable, Alias("grid.delegation-change-record")]
public sealed record DelegationChangeRecord(
    [property: Id(0)] string ProposalId,
    [property: Id(1)] DelegationChange Change,
    [property: Id(2)] string ItemCode,
    [property: Id(3)] AdjustmentReason? Reason);

/// <summary>A published, numbered and never-changing version of a region's delegation list.</summary>
[GenerateSerializer, Immutable, Alias("grid.delegation-list-version")]
public sealed record DelegationListVersion(
    [property: Id(0)] string RegionCode,
    [property: Id(1)] int Number,
    [property: Id(2)] DateOnly EffectiveDate,
    [property: Id(3)] DateTime PublishedUtc,
    [property: Id(4)] string PublishedBy,
    [property: Id(5)] IReadOnlyList<DelegationEntry> Entries,
    [property: Id(6)] IReadOnlyList<DelegationChangeRecord> Changes);

[GenerateSerializer, Immutable, Alias("grid.delegation-version-summary")]
public sealed record DelegationVersionSummary(
    [property: Id(0)] int Number,
    [property: Id(1)] DateOnly EffectiveDate,
    [property: Id(2)] DateTime PublishedUtc,
    [property: Id(3)] int EntryCount);
