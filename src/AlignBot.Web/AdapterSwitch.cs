using Microsoft.AspNetCore.Routing;

namespace AlignBot.Web;

/// <summary>How an adapter is switched on at start-up: its routes are mapped only when its key is set, and one log line says which.</summary>
public static class AdapterSwitch
{
    /// <summary>Maps the adapter's routes with <paramref name="map"/> and calls <paramref name="sayOn"/> when <paramref name="on"/>; else only <paramref name="sayOff"/>.</summary>
    public static IEndpointRouteBuilder MapWhenOn(this IEndpointRouteBuilder app, bool on, Action<IEndpointRouteBuilder> map, Action sayOn, Action sayOff)
    {
        if (!on)
        {
            sayOff();
            return app;
        }
        map(app);
        sayOn();
        return app;
    }
}
