using System.Net;

namespace AlignBot.Playground;

/// <summary>
/// Whether a request comes from this machine: a loopback remote address (none at all, as on a Unix socket or behind
/// some proxies, does not count) and a loopback host name, so a page on another site whose name resolves to
/// 127.0.0.1 (DNS rebinding) is refused too.
/// </summary>
public static class LoopbackClient
{
    public static bool Is(HttpContext http) => IsLoopback(http.Connection.RemoteIpAddress) && IsLoopbackName(http.Request.Host.Host);

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host is "127.0.0.1" or "[::1]";
}
