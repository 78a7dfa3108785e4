namespace Grid.Contracts;

/// <summary>非常满意, 满意, 基本满意, 不满意, 非常不满意; the last two are bad reviews (差评).</summary>
public enum Satisfaction { VerySatisfied, Satisfied, BasicallySatisfied, Dissatisfied, VeryDissatisfied }

/// <summary>Portal (网站), QrCode (receipt), Phone (entered by staff), Terminal (自助终端 / 评价器).</summary>
public enum RatingChannel { Portal, QrCode, Phone, Terminal }

public enum ServiceRecordKind { AssistedAgencyTask, WindowService, DelegatedItem, HotlineOrder }

public sealed record RegisterServiceRecordRequest(
    string? Id, ServiceRecordKind? Kind, string StaffId, string StaffName, string ItemCode, string ItemName,
    string VillageCode, string? HandledByUnitCode, string? HandledByUnitName,
    DateTimeOffset? StartedAt, DateTimeOffset CompletedAt, string? ResidentId);

public sealed record ServiceRecordDto(
    string Id, ServiceRecordKind Kind, string StaffId, string StaffName, string ItemCode, string ItemName,
    string VillageCode, string HandledByUnitCode, string HandledByUnitName, DateTimeOffset? StartedAt,
    DateTimeOffset CompletedAt, string? ResidentId, string? SourceId, EvaluationDto? Evaluation);

public sealed record IndicatorRatingsDto(Satisfaction? Efficiency, Satisfaction? Attitude, Satisfaction? GuideAccuracy, Satisfaction? Convenience);

public sealed record CreateEvaluationRequest(string RecordId, Satisfaction Overall, IndicatorRatingsDto? Indicators, string? Comment, RatingChannel Channel);

public sealed record QrEvaluationRequest(Satisfaction Overall, IndicatorRatingsDto? Indicators, string? Comment);

/// <summary>
/// EnteredBy: the account that entered the rating, or "link:{invitation}" for a rating link; EnteredByRole: that
/// account's role, or Resident / Proxy / Slip for a link. Flagged (with FlagReason): entered or made possible by the
/// person who served or registered the service; statistics can leave such ratings out. The three are not shown on
/// the anonymous rating page.
/// </summary>
public sealed record EvaluationDto(
    string RecordId, Satisfaction Overall, bool IsBadReview, IndicatorRatingsDto Indicators, string? Comment,
    RatingChannel Channel, DateTimeOffset EvaluatedAt, string? RectificationUrl,
    string? EnteredBy = null, string? EnteredByRole = null, bool Flagged = false, string? FlagReason = null);

/// <summary>
/// The window slip's single-use rating link, shown once. Url: the portal page a resident opens from the QR code
/// (/rate/{token}); ApiUrl: the API route that page calls.
/// </summary>
public sealed record QrTokenDto(string Token, string Url, DateTimeOffset ExpiresAt, string ApiUrl);

/// <summary>What a resident sees when opening a receipt's QR link: the service, never personal data.</summary>
public sealed record QrServiceDto(string ItemName, string HandledByUnitName, string StaffName, DateTimeOffset CompletedAt, bool AlreadyRated, DateTimeOffset LinkExpiresAt);
