using Cluster.Silo.Hosting;
using Cluster.Silo.Logging;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseConsoleLogDefaults();
builder.UseOrleans(silo => silo.UseClusterSilo(builder.Configuration));
builder.Services.AddClusterTelemetry(builder.Configuration, "cluster-silo");
await builder.Build().RunAsync();
