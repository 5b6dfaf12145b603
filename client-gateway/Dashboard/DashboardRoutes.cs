namespace Cluster.Gateway.Dashboard;

/// <summary>Where the admin dashboard and its sign-in live on the gateway.</summary>
public static class DashboardRoutes
{
    public const string Prefix = "/dashboard";
    public const string Home = Prefix + "/";
    public const string SignIn = Prefix + "/sign-in";
    public const string SignOut = Prefix + "/sign-out";
}
