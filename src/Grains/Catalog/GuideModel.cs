namespace Grid.Grains.Catalog;

/// <summary>
/// A material of a guide. <see cref="Exempt"/> is the 免提交 mark of the provincial service portal;
/// <see cref="Required"/> says the applicant must hand it in. A material may be listed (so the guide
/// says it is exempt or fetched by data sharing) without being required.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.guide-material")]
public sealed record GuideMaterial(
    [property: Id(0)] string Name,
    [property: Id(1)] MaterialType Type,
    [property: Id(2)] MaterialSource Source,
    [property: Id(3)] int Copies,
    [property: Id(4)] string Format,
    [property: Id(5)] string AcceptanceStandard,
    [property: Id(6)] bool ElectronicRequired,
    [property: Id(7)] bool Exempt,
    [property: Id(8)] bool Required);

[GenerateSerializer, Immutable, Alias("grid.guide-faq")]
public sealed record GuideFaq([property: Id(0)] string Question, [property: Id(1)] string Answer);

[GenerateSerializer, Immutable, Alias("grid.guide-sample")]
public sealed record GuideSample([property: Id(0)] string Title, [property: Id(1)] SampleKind Kind, [property: Id(2)] string Url);

/// <summary>A service guide (办事指南, Art. 14), with optional plain-language, illustrated and video versions.</summary>
[GenerateSerializer, Immutable, Alias("grid.service-guide")]
public sealed record ServiceGuide(
    [property: Id(0)] IReadOnlyList<GuideMaterial> Materials,
    [property: Id(1)] string Place,
    [property: Id(2)] string Phone,
    [property: Id(3)] string ComplaintAddress,
    [property: Id(4)] IReadOnlyList<GuideFaq> Faq,
    [property: Id(5)] IReadOnlyList<GuideSample> Samples,
    [property: Id(6)] string? PlainLanguageVersion,
    [property: Id(7)] string? IllustratedVersionUrl,
    [property: Id(8)] string? VideoVersionUrl);

[GenerateSerializer, Immutable, Alias("grid.guide-version")]
public sealed record ServiceGuideVersion(
    [property: Id(0)] string RegionCode,
    [property: Id(1)] string ItemCode,
    [property: Id(2)] int Version,
    [property: Id(3)] ServiceGuide Guide,
    [property: Id(4)] string ChangedBy,
    [property: Id(5)] string Reason,
    [property: Id(6)] DateTime ChangedUtc);
