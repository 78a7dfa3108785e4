using System.Globalization;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Hotline;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>Open311 service requests: filing (form-encoded, with an api_key), the list with its filters, one request, a token.</summary>
public static class Open311Requests
{
    private const int MaxListed = 200;
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public static Task<IResult> PostAsync(string format, HttpRequest http, IGrainFactory grains, IOptions<Open311Options> keys, TimeProvider clock) =>
        Open311Api.AnswerAsync(format, async () =>
        {
            if (!http.HasFormContentType) throw ValidationException.For("body", "Send the request form-encoded (application/x-www-form-urlencoded).");
            var form = await http.ReadFormAsync();
            var jurisdiction = await Open311KeysApi.JurisdictionOfAsync(form["api_key"], keys, grains)
                ?? throw new ForbiddenException("api_key is missing or not valid.");
            var code = form["service_code"].ToString();
            if (string.IsNullOrWhiteSpace(code)) throw ValidationException.For("service_code", "service_code is required.");
            var category = HotlineCategories.Find(code) ?? throw ValidationException.For("service_code", $"service_code '{code}' is not a service; see services.{format}.");
            var (lat, lng) = (Number(form["lat"], "lat"), Number(form["long"], "long"));
            var address = Text(form["address_string"], 300);
            if ((lat is null || lng is null) && address is null) throw ValidationException.For("lat", "Give lat and long, or address_string.");
            var name = string.Join(' ', new[] { Text(form["first_name"], 25), Text(form["last_name"], 25) }.OfType<string>());
            var attributes = form.Keys.Where(k => k.StartsWith("attribute[", StringComparison.Ordinal) && k.EndsWith(']'))
                .Take(20).ToDictionary(k => k[10..^1], k => Text(form[k], 200) ?? "");
            // A scoped key's point must lie in its jurisdiction (the order checks it when it locates the point); an address alone is taken to lie there.
            var scoped = jurisdiction == RegionCodes.City ? null : jurisdiction;
            var intake = new WorkOrderIntake(WorkOrderChannel.Open311, category.Code, category.DefaultGrade, Urgency.Routine, null,
                Text(form["description"], 2000) ?? category.Name, lat, lng, address, lat is null ? scoped : null, name.Length > 0 ? name : null, Text(form["phone"], 20),
                DispatchToTownship: true, attributes, Jurisdiction: scoped);
            var order = await grains.GetGrain<IWorkOrderGrain>(HotlineMapping.NewOrderId(clock)).CreateAsync(intake, new HotlineActor("open311", "Open311Client"));
            return new Open311Answer("service_requests", [new Open311Element("request").With("service_request_id", order.Id).With("token", order.Id)
                .With("service_notice", Notice(order)).With("account_id", null)]);
        });

    public static Task<IResult> ListAsync(string format, string? service_request_id, string? service_code, string? start_date, string? end_date,
        string? status, IGrainFactory grains, TimeProvider clock) => Open311Api.AnswerAsync(format, async () =>
    {
        IEnumerable<WorkOrderView> orders;
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var ids = service_request_id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(MaxListed);
            orders = (await Task.WhenAll(ids.Select(i => FindAsync(grains, i)))).OfType<WorkOrderView>();
        }
        else
        {
            var end = Date(end_date, "end_date") ?? clock.GetUtcNow().UtcDateTime;
            var start = Date(start_date, "start_date") ?? end - DefaultWindow;
            if (start > end || end - start > TimeSpan.FromDays(366)) throw ValidationException.For("start_date", "start_date must come before end_date, at most a year apart.");
            var months = Months(start, end).Select(m => grains.GetGrain<IWorkOrderListGrain>(WorkOrderLists.Month(m)).ListAsync());
            var summaries = (await Task.WhenAll(months)).SelectMany(l => l).Where(o => o.ReceivedAtUtc >= start && o.ReceivedAtUtc <= end)
                .Where(o => service_code is null || o.Category == service_code).Where(o => Matches(status, o.Stage))
                .OrderByDescending(o => o.ReceivedAtUtc).Take(MaxListed);
            orders = (await Task.WhenAll(summaries.Select(o => FindAsync(grains, o.Id)))).OfType<WorkOrderView>();
        }
        var listed = orders.Where(o => (service_code is null || o.Intake.Category == service_code) && Matches(status, o.Summary.Stage));
        return new Open311Answer("service_requests", [.. listed.Select(Element)]);
    });

    public static Task<IResult> GetAsync(string service_request_id, string format, IGrainFactory grains) => Open311Api.AnswerAsync(format, async () =>
        new Open311Answer("service_requests", [Element(await FindAsync(grains, service_request_id)
            ?? throw new NotFoundException($"No service request has the id '{service_request_id}'."))]));

    /// <summary>Requests are created at once, so a token is the request's own id.</summary>
    public static Task<IResult> TokenAsync(string token, string format, IGrainFactory grains) => Open311Api.AnswerAsync(format, async () =>
    {
        var order = await FindAsync(grains, token) ?? throw new NotFoundException($"No request was filed with the token '{token}'.");
        return new Open311Answer("service_requests", [new Open311Element("request").With("service_request_id", order.Id).With("token", token)]);
    });

    /// <summary>What Open311 shows of an order: never the caller's name, phone, email or device.</summary>
    private static Open311Element Element(WorkOrderView o)
    {
        var category = HotlineCategories.Find(o.Intake.Category);
        var s = o.Summary;
        return new Open311Element("request").With("service_request_id", o.Id).With("status", s.Stage == WorkOrderStage.Closed ? "closed" : "open")
            .With("status_notes", Notice(o)).With("service_name", category?.Name).With("service_code", o.Intake.Category)
            .With("description", o.Intake.Description).With("agency_responsible", s.Unit?.Id).With("service_notice", null)
            .With("requested_datetime", Iso(s.ReceivedAtUtc)).With("updated_datetime", Iso(o.History.Count > 0 ? o.History[^1].AtUtc : s.ReceivedAtUtc))
            .With("expected_datetime", s.AnswerDueUtc is { } due ? Iso(due) : null).With("address", o.Intake.Address)
            .With("address_id", null).With("zipcode", null).With("lat", o.Intake.Lat).With("long", o.Intake.Lng).With("media_url", null);
    }

    private static string Notice(WorkOrderView o) => o.Summary.Stage switch
    {
        WorkOrderStage.Received or WorkOrderStage.HandedBack => "已受理, 待派单 (received, waiting for dispatch)",
        WorkOrderStage.Dispatched => "已派单 (dispatched to the handling unit)",
        WorkOrderStage.SignedFor => "办理中 (being handled)",
        WorkOrderStage.HandledByGrid => "网格员办理中 (being handled by a grid worker)",
        WorkOrderStage.Answered => "已答复 (answered)",
        _ when o.Summary.MergedInto is { } into => $"已合并至 {into} (merged into {into})",
        _ => "已办结 (closed)",
    };

    private static bool Matches(string? status, WorkOrderStage stage) => status switch
    {
        null or "" => true,
        "open" => stage != WorkOrderStage.Closed,
        "closed" => stage == WorkOrderStage.Closed,
        _ => throw ValidationException.For("status", "status is open or closed."),
    };

    private static async Task<WorkOrderView?> FindAsync(IGrainFactory grains, string id) =>
        Ids.IsPlain(id) ? await grains.GetGrain<IWorkOrderGrain>(id).GetAsync() : null;

    private static IEnumerable<string> Months(DateTime start, DateTime end)
    {
        for (var m = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1); m <= end.AddMonths(1); m = m.AddMonths(1))
            yield return m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static string Iso(DateTime utc) => ShanghaiTime.Show(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTime? Date(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) && d.Year is >= 2000 and <= 2100 ? d.UtcDateTime
        : throw ValidationException.For(field, $"{field} is a W3C date-time, e.g. 2026-12-01T00:00:00+08:00.");

    private static double? Number(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
        : throw ValidationException.For(field, $"{field} is a WGS84 degree.");

    private static string? Text(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length > max ? throw ValidationException.For("text", $"Keep each field under {max} characters.") : text.Trim();
}
