#!/usr/bin/env bash
# Builds the three base images the Dockerfile needs, on a machine that cannot pull from a container registry:
#   localhost/alignbot-base:bookworm  Debian bookworm (debootstrap minbase) + libssl3, ca-certificates, libicu72
#   localhost/alignbot-aspnet:10.0    the base + this machine's ASP.NET Core and .NET runtimes (stands in for
#                                     mcr.microsoft.com/dotnet/aspnet:10.0)
#   localhost/alignbot-sdk:10.0       the base + this machine's whole .NET SDK (stands in for .../dotnet/sdk:10.0)
# With a registry you need none of this: the Dockerfile's defaults are Microsoft's images.
# Needs root, podman, debootstrap and the .NET SDK on PATH. Images already present are kept (--rebuild to redo).
# With --compose also the two images deploy/compose.yaml needs besides AlignBot's (from Debian's packages):
#   localhost/alignbot-postgres:15    PostgreSQL 15 with the official image's POSTGRES_* contract
#   localhost/alignbot-caddy:2        Caddy 2, the TLS-terminating reverse proxy
# Usage: deploy/container/local-images.sh [--rebuild] [--compose]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rebuild=false compose=false
for arg in "$@"; do case "$arg" in --rebuild) rebuild=true ;; --compose) compose=true ;;
  *) echo "usage: $0 [--rebuild] [--compose]" >&2; exit 2 ;; esac; done
podman=(podman)
have() { ! $rebuild && "${podman[@]}" image exists "$1"; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"

if ! have localhost/alignbot-base:bookworm; then
  echo "local-images: debootstrap bookworm (about a minute)" >&2
  debootstrap --variant=minbase --include=libssl3,ca-certificates,libicu72 bookworm "$work/rootfs" \
    "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work/rootfs"/var/cache/apt/* "$work/rootfs"/var/lib/apt/lists/* \
    "$work/rootfs"/usr/share/doc "$work/rootfs"/usr/share/man "$work/rootfs"/usr/share/locale
  tar -C "$work/rootfs" -c . | "${podman[@]}" import --quiet - localhost/alignbot-base:bookworm > /dev/null
  rm -rf "$work/rootfs"
fi

# A runtime image: the base plus the dotnet host and the two shared frameworks, owned by root, read-only for others.
if ! have localhost/alignbot-aspnet:10.0; then
  echo "local-images: aspnet runtime from $dotnet_root" >&2
  mkdir -p "$work/aspnet/usr/share/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/LICENSE.txt" "$work/aspnet/usr/share/dotnet/" 2>/dev/null || true
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" \
    "$work/aspnet/usr/share/dotnet/shared/"
  cat > "$work/aspnet/Containerfile" <<'CF'
FROM localhost/alignbot-base:bookworm
COPY usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_RUNNING_IN_CONTAINER=true
CF
  "${podman[@]}" build --quiet -t localhost/alignbot-aspnet:10.0 "$work/aspnet" > /dev/null
  rm -rf "$work/aspnet"
fi

if ! have localhost/alignbot-sdk:10.0; then
  echo "local-images: SDK from $dotnet_root (about a minute)" >&2
  mkdir -p "$work/sdk/usr/share" "$work/sdk/extra-ca"
  cp -a "$dotnet_root" "$work/sdk/usr/share/dotnet"
  # The build stage restores from NuGet: it must trust what this machine trusts (e.g. a TLS-inspecting proxy's CA).
  cp /usr/local/share/ca-certificates/*.crt "$work/sdk/extra-ca/" 2>/dev/null || true
  cat > "$work/sdk/Containerfile" <<'CF'
FROM localhost/alignbot-base:bookworm
COPY usr/share/dotnet /usr/share/dotnet
COPY extra-ca/ /usr/local/share/ca-certificates/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && update-ca-certificates > /dev/null
ENV DOTNET_RUNNING_IN_CONTAINER=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    NUGET_CERT_REVOCATION_MODE=offline
CF
  "${podman[@]}" build --quiet -t localhost/alignbot-sdk:10.0 "$work/sdk" > /dev/null
  rm -rf "$work/sdk"
fi
if $compose; then
  have localhost/alignbot-postgres:15 || "${podman[@]}" build --quiet -t localhost/alignbot-postgres:15 "$here/postgres" > /dev/null
  have localhost/alignbot-caddy:2 || "${podman[@]}" build --quiet -t localhost/alignbot-caddy:2 "$here/caddy" > /dev/null
fi
"${podman[@]}" images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep '^localhost/alignbot-' >&2
