#!/usr/bin/env bash
# HTTP load: signed `/align` slash commands against AlignBot and the Slack Bolt-JS peer (bench/peers/bolt), measured
# alternately in one run with wrk -t2 -c32, AlignBot once with semantic search off (Search__Semantic=false) and once on.
# Two workloads, reported side by side: "repeated" (`define <term>` for 32 terms, which the answer cache serves) and
# "mixed" (distinct messages of every kind from bench/mixed/generate.js, each with its own trigger_id, never sent twice
# to one AlignBot process, so the cache and the replay guard see what a busy workspace would send).
# Usage: bench/load.sh [seconds per round, default 10] [rounds, default 2] [modes, default "off on"] [distinct, default 20000]
#        [mixed warm-up seconds, default 30]
# Each server first gets 3 s of the repeated workload and <warm-up> seconds of the mix, unmeasured: .NET's tiered JIT
# was still compiling about 2,800 methods in the ten seconds after a 6 s warm-up (about a tenth of the CPU), and the
# figures are meant to be a running server's, not its first minute's.
# Run from the repository root. Needs wrk, node/npm.
set -euo pipefail
seconds="${1:-10}" rounds="${2:-2}" modes="${3:-off on}" distinct="${4:-20000}" warm="${5:-30}"
secret="load-test-signing-secret-0123456789"
work="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT

dotnet build src/AlignBot -c Release -v q > /dev/null
(cd bench/peers/bolt && npm ci --no-audit --no-fund --silent > /dev/null)

SLACK_SIGNING_SECRET="$secret" PORT=5082 node bench/peers/bolt/app.js > "$work/bolt.log" 2>&1 &
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:5082/" && break; sleep 0.2; done

# Runs wrk against a port with a request file from a first line (at most <duration> × 25,000 lines); prints
# "<req/s> <p99> <errors> <lines consumed> <replays>".
measure() {
  local port="$1" file="$2" first="$3" duration="$4" out
  out="$(wrk -t2 -c32 -d"${duration}s" --latency -s bench/mixed/replay.lua "http://127.0.0.1:$port" -- "$file" "$first" 2 $((duration * 25000)))"
  echo "$(awk '/Requests\/sec/ {print $2}' <<< "$out") $(awk '$1 == "99%" {print $2}' <<< "$out")" \
    "$( (grep -E 'Non-2xx|Socket errors' <<< "$out" || echo -) | tr -s ' ' | tr ' ' '_' | paste -sd';' -)" \
    "$(awk '/^consumed:/ {print $2}' <<< "$out") $(awk '/^replayed:/ {print $2}' <<< "$out")"
}

for mode in $modes; do
  semantic=$([[ "$mode" == off ]] && echo false || echo true)
  # Signatures are valid for 5 minutes: the requests are signed again for each AlignBot process. Enough mixed lines that
  # no AlignBot run sends one twice at up to 25,000 requests/s (the peer replays AlignBot's lines of the same round).
  node bench/mixed/generate.js "$work/repeated.tsv" "$secret" --workload repeated 2> /dev/null
  node bench/mixed/generate.js "$work/mixed.tsv" "$secret" --distinct "$distinct" --lines $(( (seconds * rounds + warm) * 25000 )) 2> /dev/null
  ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:5081 Slack__SigningSecret="$secret" Logging__LogLevel__Default=Warning \
    Search__Semantic="$semantic" Search__DataPath="$PWD/src/AlignBot/bin/Release/net10.0/data/search" \
    Storage__ConnectionString="Data Source=$work/alignbot-$mode.db" dotnet src/AlignBot/bin/Release/net10.0/AlignBot.dll > "$work/alignbot.log" 2>&1 &
  host=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:5081/healthz && break; sleep 0.2; done
  sleep 2   # with semantic search on, the sentence model loads in the background meanwhile
  line=0
  for port in 5081 5082; do measure "$port" "$work/repeated.tsv" 0 3 > /dev/null; done   # warm-up
  read -r _ _ _ consumed _ < <(measure 5081 "$work/mixed.tsv" "$line" "$warm"); line=$((line + consumed))
  measure 5082 "$work/mixed.tsv" 0 "$warm" > /dev/null
  for round in $(seq 1 "$rounds"); do
    for workload in repeated mixed; do
      first=$([[ "$workload" == mixed ]] && echo "$line" || echo 0)
      for target in AlignBot:5081 Bolt:5082; do
        read -r rps p99 errors consumed replayed < <(measure "${target#*:}" "$work/$workload.tsv" "$first" "$seconds")
        [[ "$workload" == mixed && "$target" == AlignBot:5081 ]] && line=$((line + consumed))
        note=""; [[ "$workload" == mixed && "$replayed" != 0 ]] && note=", $replayed replayed (ran out of lines)"
        printf 'semantic %-3s round %s %-8s %-8s %9s req/s  p99 %8s%s%s\n' "$mode" "$round" "$workload" "${target%%:*}" \
          "$rps" "$p99" "$([[ "$errors" != - ]] && echo ", ${errors//_/ }")" "$note"
      done
    done
  done
  echo "semantic $mode: AlignBot RSS after load $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$host/status")"
  kill "$host"; wait "$host" 2>/dev/null || true
done
