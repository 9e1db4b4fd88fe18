using System.Collections.Frozen;

namespace AlignBot.Chat.Daily;

/// <summary>
/// The time zones a channel may choose: the canonical IANA names the system lists (its zone.tab) and <c>UTC</c>,
/// matched ignoring case and returned in their canonical spelling. Anything else is not a zone, however the system
/// would resolve it: folders of the zone database (<c>Europe</c>, which throw on lookup), its <c>posix/</c> and
/// <c>right/</c> copies, <c>localtime</c>, <c>Factory</c>, backward-compatible links and Windows names.
/// </summary>
public static class IanaZones
{
    private static readonly Lazy<FrozenDictionary<string, string>> Canonical = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Where(zone => zone.HasIanaId)
        .Select(zone => zone.Id)
        .Append("UTC")
        .DistinctBy(id => id, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The canonical spelling of <paramref name="name"/>, or false when it is not a zone a channel may use.</summary>
    public static bool TryCanonical(string name, out string id) => Canonical.Value.TryGetValue(name, out id!);
}
