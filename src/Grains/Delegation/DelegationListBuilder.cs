namespace Grid.Grains.Delegation;

/// <summary>Applies decided proposals to the entries of the previous version to make the next one.</summary>
public static class DelegationListBuilder
{
    public static IReadOnlyList<DelegationEntry> Apply(IReadOnlyList<DelegationEntry> previous, IEnumerable<DelegationProposal> decided, DateOnly effective)
    {
        var entries = previous.ToDictionary(e => e.ItemCode, StringComparer.Ordinal);
        foreach (var p in decided)
        {
            switch (p.Change)
            {
                case DelegationChange.Remove:
                    entries.Remove(p.ItemCode);
                    break;
                case DelegationChange.Adjust when entries.TryGetValue(p.ItemCode, out var old):
                    entries[p.ItemCode] = old with { TargetLevel = p.TargetLevel, Frequency = p.Frequency.Class, ProposalId = p.Id };
                    break;
                default:
                    entries[p.ItemCode] = new DelegationEntry(p.ItemCode, p.ItemName, p.Department, p.TargetLevel, p.Frequency.Class, p.Id, effective);
                    break;
            }
        }
        return entries.Values.OrderBy(e => e.ItemCode, StringComparer.Ordinal).ToList();
    }
}
