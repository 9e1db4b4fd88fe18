#!/usr/bin/env bash
# HTTP load: signed `/align define <term>` slash commands against AlignBot and the Slack Bolt-JS peer
# (bench/peers/bolt), measured alternately in one run with wrk -t2 -c32. Needs wrk, node/npm, python3.
# Usage: bench/load.sh [seconds per round, default 15] [rounds, default 2]. Run from the repository root.
set -euo pipefail
seconds="${1:-15}" rounds="${2:-2}"
secret="load-test-signing-secret-0123456789"
work="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT

dotnet build src/AlignBot -c Release -v q > /dev/null
(cd bench/peers/bolt && npm ci --no-audit --no-fund --silent > /dev/null)

# Signed bodies for a rotation of real terms; a signature stays valid for the 5-minute window.
python3 - "$work" "$secret" <<'PY'
import glob, hashlib, hmac, re, sys, time, urllib.parse
work, secret = sys.argv[1], sys.argv[2]
names = (re.search(r"^term: *(.+)$", open(path, encoding="utf-8").read(), re.M) for path in sorted(glob.glob("corpus/terms/*.md")))
terms = [name.group(1).strip().strip('"') for name in names][:32]
ts = str(int(time.time()))
lines = []
for i, term in enumerate(terms):
    body = urllib.parse.urlencode({"token": "x", "team_id": "T1", "channel_id": "C1", "user_id": f"U{i}", "command": "/align",
                                   "text": "define " + term.lower(), "response_url": "https://hooks.slack.com/commands/T1/1/x"})
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    lines.append(f'{{body = "{body}", sig = "{sig}"}}')
open(work + "/signed.lua", "w").write(f"""
local requests = {{ {", ".join(lines)} }}
local i = 0
request = function()
  i = i % #requests + 1
  local r = requests[i]
  return wrk.format("POST", "/slack/commands", {{ ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Slack-Request-Timestamp"] = "{ts}", ["X-Slack-Signature"] = r.sig }}, r.body)
end
response = function(status) if status ~= 200 then error("status " .. status) end end
""")
PY

ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:5081 Slack__SigningSecret="$secret" Logging__LogLevel__Default=Warning \
  Storage__ConnectionString="Data Source=$work/alignbot.db" dotnet src/AlignBot/bin/Release/net10.0/AlignBot.dll > "$work/alignbot.log" 2>&1 &
SLACK_SIGNING_SECRET="$secret" PORT=5082 node bench/peers/bolt/app.js > "$work/bolt.log" 2>&1 &
for port in 5081 5082; do
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
done
wrk -t2 -c32 -d3s -s "$work/signed.lua" http://127.0.0.1:5081 > /dev/null   # warm-up
wrk -t2 -c32 -d3s -s "$work/signed.lua" http://127.0.0.1:5082 > /dev/null

for round in $(seq 1 "$rounds"); do
  for target in AlignBot:5081 Bolt:5082; do
    out="$(wrk -t2 -c32 -d"${seconds}s" --latency -s "$work/signed.lua" "http://127.0.0.1:${target#*:}")"
    rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<< "$out")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<< "$out" | tr -s ' ' | paste -sd';' - || true)"
    echo "round $round ${target%%:*}: ${rps} req/s, p99 ${p99}${errors:+, $errors}"
  done
done
echo "AlignBot RSS after load: $(ps -o rss= -p "$(pgrep -f 'AlignBot.dll' | head -n1)" | awk '{printf "%.0f MB", $1/1024}')"
