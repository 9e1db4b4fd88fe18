# syntax=docker/dockerfile:1
# AlignBot's container image: published with the .NET SDK (ReadyToRun), run on the ASP.NET Core runtime image as a
# non-root user with a read-only root filesystem. Configuration comes only from environment variables (see README,
# "Configuration"; `__` stands for `:`). SQLite data, the token key, the sentence model file and the cached entry
# vectors live in the /data volume.
# Where no registry is reachable, deploy/container/local-images.sh builds stand-ins for both images:
#   podman build --format docker --build-arg SDK_IMAGE=localhost/alignbot-sdk:10.0 \
#     --build-arg BASE_IMAGE=localhost/alignbot-aspnet:10.0 -t alignbot .
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY corpus/ corpus/
RUN --mount=type=cache,id=alignbot-nuget,target=/root/.nuget/packages \
    dotnet publish src/AlignBot -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app

FROM ${BASE_IMAGE} AS runtime
# 1654 is the non-root "app" user of Microsoft's .NET images; created here when the base image lacks it.
RUN (getent passwd 1654 > /dev/null || useradd --uid 1654 --user-group --no-create-home --home-dir /app app) \
    && mkdir -p /data && chown 1654:1654 /data && chmod 0700 /data
WORKDIR /app
COPY --from=build /app ./
COPY deploy/container/healthcheck /usr/local/bin/alignbot-healthcheck
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://+:8080 \
    Corpus__Path=/app/corpus/terms \
    Storage__ConnectionString="Data Source=/data/alignbot.db" \
    Search__DataPath=/data/search \
    DOTNET_EnableDiagnostics=0
VOLUME ["/data"]
USER 1654:1654
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/usr/local/bin/alignbot-healthcheck"]
# SIGTERM (docker/podman stop, Kubernetes) makes the host drain: requests in flight, queued replies, a daily post.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/AlignBot.dll"]
