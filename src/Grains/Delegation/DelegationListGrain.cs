using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Delegation;

public sealed class DelegationListState
{
    public List<DelegationProposal> Proposals { get; set; } = [];
    public List<DelegationListVersion> Versions { get; set; } = [];
}

public sealed class DelegationListGrain(
    [PersistentState("delegationlist", GridStorage.Name)] IPersistentState<DelegationListState> state,
    TimeProvider clock) : Grain, IDelegationListGrain
{
    private string Region => this.GetPrimaryKeyString();

    public async Task<DelegationProposal> ProposeAsync(ProposalDraft draft, Actor actor)
    {
        DelegationWorkflow.CheckActor(actor, DelegationWorkflow.DraftRole, "Drafting a delegation proposal");
        ProposalRules.Validate(draft, Region, state.State.Versions.Count > 0);
        var item = await CatalogItemAsync(draft.ItemCode);
        if (item.Department != actor.Department)
            throw new ForbiddenException($"Item {item.Code} belongs to {item.Department}; only that department proposes it.");
        var listed = state.State.Versions.LastOrDefault()?.Entries.Any(e => e.ItemCode == item.Code) ?? false;
        if (draft.Change == DelegationChange.Add && listed)
            throw new ConflictException($"{item.Name} is already on the list; propose an adjustment or a removal instead.");
        if (draft.Change != DelegationChange.Add && !listed)
            throw new ConflictException($"{item.Name} is not on the published list, so it cannot be {(draft.Change == DelegationChange.Remove ? "removed" : "adjusted")}.");
        if (state.State.Proposals.FirstOrDefault(p => p.ItemCode == item.Code && IsOpen(p)) is { } open)
            throw new ConflictException($"Proposal {open.Id} for {item.Name} is still open ({open.Stage}); finish or reject it first.");

        var frequency = await FrequencyAsync(item.Code, draft.SurveyedFrequency);
        var proposal = new DelegationProposal($"P{state.State.Proposals.Count + 1:000}", Region, item.Code, item.Name, item.Department,
            draft.Change, draft.TargetLevel, draft.Reason, draft.Justification.Trim(), frequency, ProposalStage.Drafted,
            [new WorkflowRecord(ProposalStage.Drafted, true, actor.UserName, actor.Role, "", null, Now)], null);
        state.State.Proposals.Add(proposal);
        await state.WriteStateAsync();
        return proposal;
    }

    public async Task<DelegationProposal> AdvanceAsync(string proposalId, DelegationStep step, Actor actor, bool approved, string reference, string? note)
    {
        var i = IndexOf(proposalId);
        var p = state.State.Proposals[i];
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 200)
            throw ValidationException.For("reference", "Cite the meeting minutes or document number (文号) of this step, up to 200 characters.");
        if (!approved && string.IsNullOrWhiteSpace(note))
            throw ValidationException.For("note", "Say why the proposal is rejected.");
        var stage = DelegationWorkflow.Next(p, step, actor, approved);
        var updated = p with { Stage = stage, Trail = [.. p.Trail, new WorkflowRecord(stage, approved, actor.UserName, actor.Role, reference.Trim(), note, Now)] };
        state.State.Proposals[i] = updated;
        await state.WriteStateAsync();
        return updated;
    }

    public async Task<DelegationListVersion> PublishAsync(DateOnly effectiveDate, Actor actor)
    {
        DelegationWorkflow.CheckActor(actor, DelegationWorkflow.PublishRole, "Publishing a delegation list");
        if (effectiveDate < ChinaDate.Today(clock))
            throw ValidationException.For("effectiveDate", $"The effective date may not lie in the past; use {ChinaDate.Today(clock):yyyy-MM-dd} or later.");
        var decided = state.State.Proposals.Where(p => p.Stage == ProposalStage.Decided).ToList();
        if (decided.Count == 0)
            throw new ConflictException("No proposal has an executive meeting decision yet; there is nothing to publish.");
        var previous = state.State.Versions.LastOrDefault();
        if (previous is not null && effectiveDate < previous.EffectiveDate)
            throw ValidationException.For("effectiveDate", $"Version {previous.Number} takes effect on {previous.EffectiveDate:yyyy-MM-dd}; a later version cannot take effect before it.");
        var number = (previous?.Number ?? 0) + 1;
        var version = new DelegationListVersion(Region, number, effectiveDate, Now, actor.UserName,
            DelegationListBuilder.Apply(previous?.Entries ?? [], decided, effectiveDate),
            decided.Select(p => new DelegationChangeRecord(p.Id, p.Change, p.ItemCode, p.Reason)).ToList());
        state.State.Versions.Add(version);
        foreach (var p in decided)
            state.State.Proposals[IndexOf(p.Id)] = p with { Stage = ProposalStage.Published, PublishedInVersion = number,
                Trail = [.. p.Trail, new WorkflowRecord(ProposalStage.Published, true, actor.UserName, actor.Role, $"v{number}", null, Now)] };
        await state.WriteStateAsync();
        return version;
    }

    public Task<IReadOnlyList<DelegationProposal>> GetProposalsAsync() => Task.FromResult<IReadOnlyList<DelegationProposal>>(state.State.Proposals);

    public Task<DelegationProposal?> GetProposalAsync(string proposalId) =>
        Task.FromResult(state.State.Proposals.FirstOrDefault(p => p.Id == proposalId));

    public Task<IReadOnlyList<DelegationVersionSummary>> GetVersionsAsync() => Task.FromResult<IReadOnlyList<DelegationVersionSummary>>(
        state.State.Versions.Select(v => new DelegationVersionSummary(v.Number, v.EffectiveDate, v.PublishedUtc, v.Entries.Count)).ToList());

    public Task<DelegationListVersion?> GetVersionAsync(int number) =>
        Task.FromResult(state.State.Versions.FirstOrDefault(v => v.Number == number));

    public Task<DelegationListVersion?> GetCurrentAsync()
    {
        var today = ChinaDate.Today(clock);
        return Task.FromResult(state.State.Versions.LastOrDefault(v => v.EffectiveDate <= today));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static bool IsOpen(DelegationProposal p) => p.Stage is not (ProposalStage.Published or ProposalStage.Rejected);

    private int IndexOf(string id) => state.State.Proposals.FindIndex(p => p.Id == id) is >= 0 and var i
        ? i : throw new NotFoundException($"Region {Region} has no delegation proposal {id}.");

    private async Task<ServiceItem> CatalogItemAsync(string code)
    {
        var local = await GrainFactory.GetGrain<IServiceItemGrain>(CatalogKeys.ServiceItem(RegionCodes.CountyOf(Region), code)).GetAsync();
        var item = local ?? await GrainFactory.GetGrain<IServiceItemGrain>(CatalogKeys.ServiceItem(RegionCodes.City, code)).GetAsync();
        return item?.Item ?? throw ValidationException.For("itemCode", $"No catalog item has the code {code}; propose an item of the catalog.");
    }

    private async Task<FrequencyEvidence> FrequencyAsync(string code, FrequencyClass? surveyed)
    {
        var today = ChinaDate.Today(clock);
        var volume = await GrainFactory.GetGrain<IRequestVolumeGrain>(code).CountAsync(Region, today.AddMonths(-11).AddDays(1 - today.Day), today);
        if (volume is not null)
            return new FrequencyEvidence(FrequencyClassifier.Classify(volume.Requests, volume.Months), "platform-requests", volume.Requests, volume.Months);
        return surveyed is { } s
            ? new FrequencyEvidence(s, "department-survey", null, null)
            : throw ValidationException.For("surveyedFrequency", "The platform has no request counts for this item yet; give the frequency class (High, Medium or Low) from your survey.");
    }
}
