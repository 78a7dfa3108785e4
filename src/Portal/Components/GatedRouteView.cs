using System.Reflection;
using Grid.Portal.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Grid.Portal.Components;

/// <summary>A RouteView that shows a page marked [RoleOnly] only to those roles.</summary>
public sealed class GatedRouteView : RouteView
{
    [Inject] private Session Session { get; set; } = default!;

    protected override void Render(RenderTreeBuilder builder)
    {
        var gate = RouteData.PageType.GetCustomAttribute<RoleOnlyAttribute>();
        if (gate is null || Session.IsIn(gate.Roles))
        {
            base.Render(builder);
            return;
        }
        builder.OpenComponent<LayoutView>(0);
        builder.AddComponentParameter(1, nameof(LayoutView.Layout), DefaultLayout);
        builder.AddComponentParameter(2, nameof(LayoutView.ChildContent), (RenderFragment)(b =>
        {
            b.OpenComponent<NotAllowed>(0);
            b.AddComponentParameter(1, nameof(NotAllowed.Roles), gate.Roles);
            b.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
