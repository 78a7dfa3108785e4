namespace Grid.Contracts;

/// <summary>One page of a list, with the total so a client can draw a pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageIndex, int PageSize, long Total);
