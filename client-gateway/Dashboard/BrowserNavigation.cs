namespace Cluster.Gateway.Dashboard;

/// <summary>Tells a person loading a page in a browser from scripts and the dashboard's own data requests.</summary>
public static class BrowserNavigation
{
    public static bool Is(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return false;
        var mode = request.Headers["Sec-Fetch-Mode"].ToString();
        if (mode.Length > 0)
            return mode == "navigate";
        // Browsers without Fetch Metadata headers still ask for HTML when they load a page; curl and XHR do not.
        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
