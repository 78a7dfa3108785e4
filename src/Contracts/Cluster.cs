namespace Grid.Contracts;

public sealed record SiloDto(string Address, string Name, string Status, DateTimeOffset StartedAt, int Activations);

/// <summary>The cluster as the administrators' status page shows it.</summary>
public sealed record ClusterDto(int ActiveSilos, int Activations, IReadOnlyList<SiloDto> Silos, IReadOnlyDictionary<string, int> ActivationsByGrainType);
