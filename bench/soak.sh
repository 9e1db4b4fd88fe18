#!/usr/bin/env bash
# Soak: signed `/align` commands (a rotation of real terms, questions and misses) for 60 s at 64 connections against
# the host with SQLite; samples AlignBot's RSS every 5 s and fails on any non-200 answer.
# Usage: bench/soak.sh [seconds, default 60] [connections, default 64]. Run from the repository root. Needs wrk, python3.
set -euo pipefail
seconds="${1:-60}" connections="${2:-64}"
secret="soak-test-signing-secret-0123456789"
work="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
dotnet build src/AlignBot -c Release -v q > /dev/null

python3 - "$work" "$secret" <<'PY'
import glob, hashlib, hmac, sys, time, urllib.parse
work, secret = sys.argv[1], sys.argv[2]
slugs = sorted(p.split("/")[-1][:-3] for p in glob.glob("corpus/terms/*.md"))
texts = [f"define {s.replace('-', ' ')}" for s in slugs] + [f"what is {s.replace('-', ' ')}?" for s in slugs[:20]] \
      + ["best pizza in town", "search reward", "rlhf vs dpo", "help", "random", "sychophancy", "zzzz qqqq"]
ts = str(int(time.time()))
rows = []
for i, text in enumerate(texts):
    body = urllib.parse.urlencode({"team_id": "T1", "channel_id": "C1", "user_id": f"U{i}", "command": "/align", "text": text})
    rows.append('{body = "%s", sig = "v0=%s"}' % (body, hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()))
open(work + "/soak.lua", "w").write("""
local requests = { %s }
local i = 0
request = function()
  i = i %% #requests + 1
  return wrk.format("POST", "/slack/commands", { ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Slack-Request-Timestamp"] = "%s", ["X-Slack-Signature"] = requests[i].sig }, requests[i].body)
end
""" % (", ".join(rows), ts))
PY

ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:5083 Slack__SigningSecret="$secret" Logging__LogLevel__Default=Warning \
  Storage__ConnectionString="Data Source=$work/alignbot.db" dotnet src/AlignBot/bin/Release/net10.0/AlignBot.dll > "$work/alignbot.log" 2>&1 &
host=$!
for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:5083/healthz && break; sleep 0.2; done
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$host/status"; }
echo "RSS before: $(rss) MB"
( for _ in $(seq 5 5 "$seconds"); do sleep 5; printf '%s ' "$(rss)"; done; echo ) > "$work/rss" &
out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/soak.lua" http://127.0.0.1:5083)"
wait $! 2>/dev/null || true
echo "$out" | grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors|requests in"
echo "RSS every 5 s (MB): $(cat "$work/rss")"
echo "RSS after: $(rss) MB"
if grep -qE "Non-2xx|Socket errors" <<< "$out"; then echo "soak: errors" >&2; exit 1; fi
echo "soak: no errors"
