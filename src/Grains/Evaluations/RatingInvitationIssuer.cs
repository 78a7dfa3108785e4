using Grid.Grains.People;

namespace Grid.Grains.Evaluations;

/// <summary>
/// Makes the invitations of one record: at completion one SMS link to the resident's phone and one to
/// each registered family proxy's phone (a proxy is identified by holding the link sent to the phone
/// registered for them), and on request the window slip. Each link is bound to the record and the
/// resident, expires after <see cref="EvaluationOptions.QrTokenLifetimeDays"/>, and is spent by the
/// record's first rating. The texts hold no names: a phone may be shared or read by others.
/// </summary>
internal sealed class RatingInvitationIssuer(TimeProvider clock, EvaluationOptions options)
{
    private const string System = "system";

    public (List<RatingInvitation> Invitations, List<OutgoingSms> Sms) ForCompletion(ServiceRecordInfo record, ResidentProfile? resident)
    {
        var invitations = new List<RatingInvitation>();
        var sms = new List<OutgoingSms>();
        if (resident is null) return (invitations, sms);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        var recipients = new[] { (RatingInvitees.Resident, resident.Phone) }
            .Concat(resident.Proxies.Select(p => (RatingInvitees.Proxy, p.Phone)));
        foreach (var (invitee, phone) in recipients)
        {
            if (string.IsNullOrWhiteSpace(phone) || !phones.Add(phone.Trim())) continue;
            var (invitation, token) = Issue(record, invitee, System, byServer: false);
            invitations.Add(invitation);
            sms.Add(new OutgoingSms($"{record.Id}/{invitation.Id}", phone.Trim(), Text(record, invitee, token, invitation.ExpiresAtUtc),
                record.Id, invitation.IssuedAtUtc));
        }
        return (invitations, sms);
    }

    public (RatingInvitation Invitation, string Token) Slip(ServiceRecordInfo record, string by, bool byServer) =>
        Issue(record, RatingInvitees.Slip, by, byServer);

    private (RatingInvitation, string) Issue(ServiceRecordInfo record, string invitee, string by, bool byServer)
    {
        var secret = RatingLinks.NewSecret();
        var hash = RatingLinks.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        return (new RatingInvitation(hash[..12], hash, invitee, record.ResidentId, now.AddDays(options.QrTokenLifetimeDays), by, byServer, now),
            RatingLinks.Token(record.Id, secret));
    }

    private string Text(ServiceRecordInfo record, string invitee, string token, DateTime expiresUtc) =>
        $"【咸宁网格】{(invitee == RatingInvitees.Proxy ? "您的家人" : "您")}在{record.HandledByUnitName}办理的“{record.ItemName}”已办结。"
        + $"请点击链接评价（限评一次，{ShanghaiTime.Show(expiresUtc):yyyy-MM-dd}前有效）：{options.PortalBaseUrl.TrimEnd('/')}{RatingLinks.PagePath(token)}";
}
