using System.Security.Claims;

namespace Cluster.Gateway.Dashboard;

/// <summary>The identity of whoever proved they hold the admin key; it carries no copy of the key.</summary>
public static class AdminPrincipal
{
    public static ClaimsPrincipal Create(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], scheme));
}
