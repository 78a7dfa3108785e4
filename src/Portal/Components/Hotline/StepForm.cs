using Grid.Contracts;
using Grid.Portal.Services;
using Microsoft.AspNetCore.Components;

namespace Grid.Portal.Components.Hotline;

/// <summary>A step taken, with the order as it now stands and what to tell the person.</summary>
public sealed record StepDone(Tagged<WorkOrderDto> Order, string Message);

/// <summary>
/// A form that takes one step on a work order: it sends the order's ETag (If-Match), so a step on a
/// stale page is refused rather than taken on an order that moved; the page above shows the outcome.
/// </summary>
public abstract class StepForm : ComponentBase
{
    [Inject] protected ApiClient Api { get; set; } = default!;
    [Inject] protected Strings L { get; set; } = default!;

    [Parameter, EditorRequired] public string Id { get; set; } = "";
    /// <summary>The order's ETag as last read; null takes the step on whatever the order is now (its stage still guards it).</summary>
    [Parameter] public string? ETag { get; set; }
    [Parameter] public EventCallback<StepDone> OnDone { get; set; }

    protected bool Busy { get; private set; }
    protected string? Error { get; set; }

    protected async Task StepAsync(string step, object? body, string message)
    {
        Busy = true;
        Error = null;
        try
        {
            var next = await Api.SendAsync<WorkOrderDto>(HttpMethod.Post, $"api/hotline/orders/{Id}/{step}", body, null, ETag);
            await OnDone.InvokeAsync(new StepDone(next, message));
        }
        catch (Exception e) { Error = L.Describe(e); }
        finally { Busy = false; }
    }

    /// <summary>A required text, or the field's complaint shown before anything is sent.</summary>
    protected bool Filled(string? text, string missingKey)
    {
        if (!string.IsNullOrWhiteSpace(text)) return true;
        Error = L[missingKey];
        return false;
    }
}
