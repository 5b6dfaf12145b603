namespace Cluster.Gateway.Dashboard;

/// <summary>Names of the authentication schemes and the policy that guard the dashboard.</summary>
public static class DashboardSchemes
{
    /// <summary>Picks <see cref="AdminKey"/> when the request carries X-API-Key, else <see cref="Cookie"/>.</summary>
    public const string Either = "Dashboard";

    public const string Cookie = "DashboardCookie";
    public const string AdminKey = "DashboardAdminKey";
    public const string AdminPolicy = "DashboardAdmin";
}
