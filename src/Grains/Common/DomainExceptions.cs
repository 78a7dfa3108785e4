namespace Grid.Grains.Common;

/// <summary>
/// A refusal the caller can act on. The gateway turns each kind into its HTTP status with the
/// message as the problem's detail, so messages are written for a person to read.
/// </summary>
[GenerateSerializer, Alias("grid.domain-exception")]
public class DomainException(string message) : Exception(message);

/// <summary>The thing asked for does not exist (404).</summary>
[GenerateSerializer, Alias("grid.not-found")]
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The request is well-formed but the current state refuses it (409).</summary>
[GenerateSerializer, Alias("grid.conflict")]
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>The caller's copy is stale: its If-Match version is not the current one (412).</summary>
[GenerateSerializer, Alias("grid.precondition-failed")]
public sealed class PreconditionFailedException(string message) : DomainException(message);

/// <summary>The caller's role or region does not allow this (403).</summary>
[GenerateSerializer, Alias("grid.forbidden")]
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>One or more fields are invalid (400); <see cref="Errors"/> names each field and why.</summary>
[GenerateSerializer, Alias("grid.validation")]
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    [Id(0)] public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
