# syntax=docker/dockerfile:1
# A silo with role "gpu": the silo of silo.Dockerfile on NVIDIA's CUDA 12 runtime with cuDNN 9, the libraries the
# CUDA execution provider of ONNX Runtime 1.31 (Microsoft.ML.OnnxRuntime.Gpu.Linux, built for CUDA 12.x and
# cuDNN 9.x) loads; ILGPU needs only the driver, which the NVIDIA Container Toolkit mounts. Build from the root:
#   docker build -f deploy/docker/gpu-silo.Dockerfile -t cluster-gpu-silo .
# Run with a GPU: docker run --gpus all … (compose: profile "gpu"; Kubernetes: nvidia.com/gpu limits).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
# The .NET runtime is copied from the Ubuntu 24.04 ASP.NET image, the distribution the CUDA image is built on.
ARG DOTNET_RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-noble
ARG CUDA_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

FROM ${SDK_IMAGE} AS build
ARG NUGET_SOURCE=
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY grain-interfaces/Cluster.GrainInterfaces.csproj grain-interfaces/
COPY grains/Cluster.Grains.csproj grains/
COPY silo/Cluster.Silo.csproj silo/
# VisionCuda selects ONNX Runtime's CUDA build (Microsoft.ML.OnnxRuntime.Gpu.Linux) instead of the CPU one.
RUN dotnet restore silo/Cluster.Silo.csproj -p:VisionCuda=true ${NUGET_SOURCE:+--source "$NUGET_SOURCE"}
COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY silo/ silo/
RUN dotnet publish silo/Cluster.Silo.csproj -c Release -p:VisionCuda=true --no-restore -o /app

FROM ${DOTNET_RUNTIME_IMAGE} AS dotnet

FROM ${CUDA_IMAGE}
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && useradd --uid 1654 --user-group --no-create-home --home-dir /app app
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/cluster-healthcheck
ENV Cluster__ListenEndpoint=0.0.0.0:11111 \
    Cluster__GatewayPort=30000 \
    Cluster__Roles__0=gpu \
    ASPNETCORE_URLS=http://+:8081 \
    DOTNET_shutdownTimeoutSeconds=50 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
EXPOSE 11111 30000 8081
USER 1654
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/usr/local/bin/cluster-healthcheck", "8081", "/healthz"]
ENTRYPOINT ["dotnet", "Cluster.Silo.dll"]
