# syntax=docker/dockerfile:1
# A silo of the cluster. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t cluster-silo .
# Restoring needs the NuGet feed: nuget.org by default, or the feed in build argument NUGET_SOURCE.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
ARG NUGET_SOURCE=
WORKDIR /src
# Project files first, so that the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY grain-interfaces/Cluster.GrainInterfaces.csproj grain-interfaces/
COPY grains/Cluster.Grains.csproj grains/
COPY silo/Cluster.Silo.csproj silo/
RUN dotnet restore silo/Cluster.Silo.csproj ${NUGET_SOURCE:+--source "$NUGET_SOURCE"}
COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY silo/ silo/
RUN dotnet publish silo/Cluster.Silo.csproj -c Release --no-restore -o /app

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/cluster-healthcheck
# Listens on every interface and advertises the container's own address; probes on 8081. Everything else
# (Redis, PostgreSQL, the cluster certificate, ids, roles) comes from the environment: see docs/OPERATIONS.md.
ENV Cluster__ListenEndpoint=0.0.0.0:11111 \
    Cluster__GatewayPort=30000 \
    ASPNETCORE_URLS=http://+:8081 \
    DOTNET_shutdownTimeoutSeconds=50
EXPOSE 11111 30000 8081
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/usr/local/bin/cluster-healthcheck", "8081", "/healthz"]
# SIGTERM (the default) stops the host: the silo leaves the cluster and hands its grains over within
# DOTNET_shutdownTimeoutSeconds, shorter than the orchestrators' grace periods (60 s).
ENTRYPOINT ["dotnet", "Cluster.Silo.dll"]
