using Grid.Grains.Catalog;

namespace Grid.Grains.Delegation;

/// <summary>
/// The delegation list (高频服务事项下沉清单) of one township or village, keyed by its region code:
/// its proposals moving through the approval workflow and its published, numbered versions.
/// </summary>
[Alias("grid.IDelegationListGrain")]
public interface IDelegationListGrain : IGrainWithStringKey
{
    [Alias("propose")] Task<DelegationProposal> ProposeAsync(ProposalDraft draft, Actor actor);
    [Alias("advance")] Task<DelegationProposal> AdvanceAsync(string proposalId, DelegationStep step, Actor actor, bool approved, string reference, string? note);
    [Alias("publish")] Task<DelegationListVersion> PublishAsync(DateOnly effectiveDate, Actor actor);
    [Alias("proposals")] Task<IReadOnlyList<DelegationProposal>> GetProposalsAsync();
    [Alias("proposal")] Task<DelegationProposal?> GetProposalAsync(string proposalId);
    [Alias("versions")] Task<IReadOnlyList<DelegationVersionSummary>> GetVersionsAsync();
    [Alias("version")] Task<DelegationListVersion?> GetVersionAsync(int number);

    /// <summary>The latest version in effect today (Asia/Shanghai), or null before the first one takes effect.</summary>
    [Alias("current")] Task<DelegationListVersion?> GetCurrentAsync();
}

/// <summary>Today's date in China (UTC+8, no daylight saving), the calendar the measures use.</summary>
public static class ChinaDate
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
}
