using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Common;

namespace Grid.Grains.Delegation;

/// <summary>
/// The approval path of Art. 11, and which Grid role records each step. Grid has no separate
/// accounts for party groups, leaders or the executive meeting, so each step is recorded by the
/// account of the body that keeps its record, with the meeting or document reference:
/// <list type="bullet">
/// <item>draft — Department staff of the item's department (职能部门拟下沉意见);</item>
/// <item>party-group review (党组会议集体研究) — Department staff of the same department, citing the minutes;</item>
/// <item>leader approval (分管领导审阅同意) — Admin, standing for the government general office that
///   files the leader's written consent (Department may not approve its own proposal);</item>
/// <item>aggregation (政数部门汇总) — DataBureau;</item>
/// <item>executive meeting decision (政府常务会议集体研究决定) — Admin, recording the meeting's decision
///   (DataBureau submits to the meeting but does not decide);</item>
/// <item>publication with an effective date (公布实施) — DataBureau, for all decided proposals of a region at once.</item>
/// </list>
/// A rejection at any step ends the proposal as Rejected.
/// </summary>
public static class DelegationWorkflow
{
    public static readonly IReadOnlyList<(DelegationStep Step, ProposalStage From, ProposalStage To, string Role)> Steps =
    [
        (DelegationStep.PartyGroupReview, ProposalStage.Drafted, ProposalStage.PartyGroupReviewed, Roles.Department),
        (DelegationStep.LeaderApproval, ProposalStage.PartyGroupReviewed, ProposalStage.LeaderApproved, Roles.Admin),
        (DelegationStep.Aggregation, ProposalStage.LeaderApproved, ProposalStage.Aggregated, Roles.DataBureau),
        (DelegationStep.ExecutiveMeetingDecision, ProposalStage.Aggregated, ProposalStage.Decided, Roles.Admin),
    ];

    public const string DraftRole = Roles.Department;
    public const string PublishRole = Roles.DataBureau;

    /// <summary>The stage after <paramref name="step"/>, or a refusal naming the right role or the missing step.</summary>
    public static ProposalStage Next(DelegationProposal p, DelegationStep step, Actor actor, bool approved)
    {
        var rule = Steps.Single(s => s.Step == step);
        if (actor.Role != rule.Role)
            throw new ForbiddenException($"{step} is recorded by {rule.Role} accounts, not {actor.Role}.");
        if (rule.Role == Roles.Department && actor.Department != p.Department)
            throw new ForbiddenException($"{step} of this proposal is recorded by {p.Department}, the proposing department.");
        if (p.Stage != rule.From)
            throw new ConflictException(p.Stage is ProposalStage.Rejected or ProposalStage.Published
                ? $"Proposal {p.Id} is {p.Stage}; no further step is possible."
                : $"{step} needs the proposal at stage {rule.From}; proposal {p.Id} is at {p.Stage}.");
        return approved ? rule.To : ProposalStage.Rejected;
    }

    public static void CheckActor(Actor actor, string role, string what)
    {
        if (actor.Role != role) throw new ForbiddenException($"{what} is done by {role} accounts, not {actor.Role}.");
    }
}
