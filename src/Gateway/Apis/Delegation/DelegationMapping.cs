using Grid.Contracts;
using Grid.Grains.Delegation;

namespace Grid.Gateway.Apis.Delegation;

/// <summary>Delegation-list grain records ↔ the HTTP contract.</summary>
internal static class DelegationMapping
{
    public static ProposalDraft ToModel(this DelegationProposalRequest r) =>
        new(r.ItemCode, r.Change, r.TargetLevel, r.Reason, r.Justification, r.SurveyedFrequency);

    public static DelegationProposalDto ToDto(this DelegationProposal p) => new(
        p.Id, p.RegionCode, p.ItemCode, p.ItemName, p.Department, p.Change, p.TargetLevel, p.Reason, p.Justification,
        new FrequencyEvidenceDto(p.Frequency.Class, p.Frequency.Source, p.Frequency.Requests, p.Frequency.Months), p.Stage,
        p.Trail.Select(t => new WorkflowRecordDto(t.Stage, t.Approved, t.By, t.Role, t.Reference, t.Note, t.AtUtc)).ToList(), p.PublishedInVersion);

    public static DelegationListVersionDto ToDto(this DelegationListVersion v) => new(
        v.RegionCode, v.Number, v.EffectiveDate, v.PublishedUtc, v.PublishedBy,
        v.Entries.Select(e => new DelegationEntryDto(e.ItemCode, e.ItemName, e.Department, e.TargetLevel, e.Frequency, e.ProposalId, e.Since)).ToList(),
        v.Changes.Select(c => new DelegationChangeRecordDto(c.ProposalId, c.Change, c.ItemCode, c.Reason)).ToList());

    public static DelegationVersionSummaryDto ToDto(this DelegationVersionSummary s) => new(s.Number, s.EffectiveDate, s.PublishedUtc, s.EntryCount);
}
