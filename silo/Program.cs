using Cluster.Silo.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddClusterSilo(builder.Configuration);
await builder.Build().RunAsync();
