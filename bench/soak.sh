#!/usr/bin/env bash
# Soak: the mixed workload of bench/mixed/generate.js (distinct signed `/align` messages of every kind, each with its own
# trigger_id) for 60 s at 64 connections against the host with SQLite; samples AlignBot's RSS every 5 s and fails on
# any non-2xx answer or socket error.
# Usage: bench/soak.sh [seconds, default 60] [connections, default 64] [semantic search: on|off, default on].
# Run from the repository root. Needs wrk, node.
set -euo pipefail
seconds="${1:-60}" connections="${2:-64}" semantic="${3:-on}"
secret="soak-test-signing-secret-0123456789"
work="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
dotnet build src/AlignBot -c Release -v q > /dev/null

# Enough lines that no request is sent twice at up to 25,000 requests/s; a run that still runs out says so.
node bench/mixed/generate.js "$work/mixed.tsv" "$secret" --lines $(( seconds * 25000 )) 2> /dev/null
ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:5083 Slack__SigningSecret="$secret" Logging__LogLevel__Default=Warning \
  Search__Semantic=$([[ "$semantic" == off ]] && echo false || echo true) Search__DataPath="$PWD/src/AlignBot/bin/Release/net10.0/data/search" \
  Storage__ConnectionString="Data Source=$work/alignbot.db" dotnet src/AlignBot/bin/Release/net10.0/AlignBot.dll > "$work/alignbot.log" 2>&1 &
host=$!
for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:5083/healthz && break; sleep 0.2; done
sleep 3   # the sentence model, when on, loads in the background meanwhile
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$host/status"; }
echo "RSS before: $(rss) MB"
( for _ in $(seq 5 5 "$seconds"); do sleep 5; printf '%s ' "$(rss)"; done; echo ) > "$work/rss" &
sampler=$!
out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/mixed/replay.lua http://127.0.0.1:5083 -- "$work/mixed.tsv" 0 2 $((seconds * 25000)))"
wait "$sampler" 2>/dev/null || true
echo "$out" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors|requests in|replayed"
echo "RSS every 5 s (MB): $(cat "$work/rss")"
echo "RSS after: $(rss) MB"
if grep -qE "Non-2xx|Socket errors" <<< "$out"; then echo "soak: errors" >&2; exit 1; fi
echo "soak: no errors"
