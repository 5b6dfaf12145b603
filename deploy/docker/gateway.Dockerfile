# syntax=docker/dockerfile:1
# The HTTP gateway (API and dashboard), an Orleans client of the cluster. Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t cluster-gateway .
# Restoring needs the NuGet feed: nuget.org by default, or the feed in build argument NUGET_SOURCE.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
ARG NUGET_SOURCE=
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY grain-interfaces/Cluster.GrainInterfaces.csproj grain-interfaces/
COPY grains/Cluster.Grains.csproj grains/
COPY silo/Cluster.Silo.csproj silo/
COPY client-gateway/Cluster.Gateway.csproj client-gateway/
RUN dotnet restore client-gateway/Cluster.Gateway.csproj ${NUGET_SOURCE:+--source "$NUGET_SOURCE"}
COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY silo/ silo/
COPY client-gateway/ client-gateway/
RUN dotnet publish client-gateway/Cluster.Gateway.csproj -c Release --no-restore -o /app

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/cluster-healthcheck
# Serves HTTP on 5080 on every interface; the cluster's Redis, the certificate and the admin key come from the
# environment: see docs/OPERATIONS.md.
ENV ASPNETCORE_URLS=http://+:5080 \
    DOTNET_shutdownTimeoutSeconds=25
EXPOSE 5080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["/usr/local/bin/cluster-healthcheck", "5080", "/healthz"]
ENTRYPOINT ["dotnet", "Cluster.Gateway.dll"]
