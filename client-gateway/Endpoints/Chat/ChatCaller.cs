namespace Cluster.Gateway.Endpoints.Chat;

/// <summary>Whose sessions a request may see: the tenant of its key.</summary>
public static class ChatCaller
{
    /// <summary>The gateway's own keys (admin and client keys) act for the operator's tenant.</summary>
    public const string OperatorTenant = "operator";

    public static string TenantOf(HttpContext http) => OperatorTenant;
}
