using Cluster.Gateway;

// A first start builds and joins or hosts a silo, which takes a while; say so, and where to look once it is up.
Console.WriteLine("Cluster gateway starting");
var app = GatewayApp.Build(args);
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        Console.WriteLine($"Cluster gateway ready at {url} (API reference at {url}/docs)");
});
await app.RunAsync();
