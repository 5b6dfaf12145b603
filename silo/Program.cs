using Cluster.Silo.Hosting;

var app = SiloApp.Build(args);
await app.RunAsync();
