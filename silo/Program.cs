using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Cluster.Silo.Health;
using Cluster.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.UseClusterSilo(builder.Configuration));
builder.Services.AddClusterTelemetry(builder.Configuration, "cluster-silo");
builder.WebHost.UseSiloHealthUrls(builder.Configuration);
var app = builder.Build();
app.MapSiloHealthEndpoints();
await app.RunAsync();
