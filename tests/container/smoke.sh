#!/usr/bin/env bash
# Container smoke test: builds the image from ./Dockerfile (with local base images: this machine reaches no
# container registry), starts three replicas on one PostgreSQL with a read-only root filesystem, and checks that
#   1. every replica's /readyz is 200 and its HEALTHCHECK passes,
#   2. a signed `/align define` answers from every replica,
#   3. a term-of-the-day subscription made through one replica is posted exactly once,
#   4. a corpus folder mounted over the baked-in one is served, and an edit to it shows without a restart,
#   5. `podman stop` drains gracefully (exit code 0, the host's shutdown line in its log).
# Prints the image size and the time from `podman run` to a ready replica. Exit 0 passed, 1 failed, 77 skipped
# (with the reason printed: no podman, no debootstrap, not root). Needs the .NET SDK, python3, root.
set -euo pipefail
cd "$(dirname "$0")/../.."
skip() { echo "container smoke: skipped: $*"; exit 77; }
command -v podman > /dev/null || skip "podman is not installed (apt-get install podman runc)"
command -v debootstrap > /dev/null || skip "debootstrap is not installed (apt-get install debootstrap)"
[ "$(id -u)" = 0 ] || skip "needs root (podman with runc and the cgroupfs manager)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$PWD/deploy/container/containers.conf}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
fail() { echo "container smoke: FAILED: $*"; exit 1; }
work="$(mktemp -d)"
pg_dir="" fake_pid=""
cleanup() {
  podman rm -f -t 0 alignbot-smoke-1 alignbot-smoke-2 alignbot-smoke-3 > /dev/null 2>&1 || true
  [ -n "$fake_pid" ] && kill "$fake_pid" 2> /dev/null || true
  [ -n "$pg_dir" ] && .ci/postgres stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

deploy/container/local-images.sh
echo "container smoke: building the image"
podman build --quiet --format docker --build-arg SDK_IMAGE=localhost/alignbot-sdk:10.0 \
  --build-arg BASE_IMAGE=localhost/alignbot-aspnet:10.0 -t localhost/alignbot:smoke . > "$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log"; fail "the image did not build"; }
size="$(podman image inspect localhost/alignbot:smoke --format '{{.Size}}')"
echo "container smoke: image localhost/alignbot:smoke is $((size / 1000000)) MB"

read -r pg_dir pg_connection < <(.ci/postgres)
slack_port="$(free_port)"
python3 tests/container/fake_slack.py "$slack_port" "$work/slack.jsonl" & fake_pid=$!
secret="$(openssl rand -hex 16)"
token_key="$(openssl rand -base64 32)"
team=T0SMOKE01 channel="C0SMOKE$(openssl rand -hex 3 | tr a-f A-F)"

# Replica 3 serves a mounted copy of the corpus instead of the one baked into the image.
cp -r corpus/terms "$work/corpus"
declare -a ports mounts
mounts[3]="-v $work/corpus:/corpus:ro -e Corpus__Path=/corpus"
for i in 1 2 3; do
  ports[$i]="$(free_port)"
  started=$(date +%s%N)
  # No systemd here to time health checks: they are disabled on the timer and run once by hand below.
  podman run -d --name "alignbot-smoke-$i" --network host --read-only --tmpfs /tmp --health-interval disable \
    -e "Urls=http://127.0.0.1:${ports[$i]}" -e Storage__Provider=postgres -e "Storage__ConnectionString=$pg_connection" \
    -e "Storage__TokenKey=$token_key" -e "Slack__SigningSecret=$secret" -e Slack__BotToken=xoxb-smoke-test \
    -e "Slack__ApiBaseUrl=http://127.0.0.1:$slack_port/api/" -e Daily__PollSeconds=2 ${mounts[$i]:-} \
    localhost/alignbot:smoke > /dev/null 2> "$work/run-$i.err" || { cat "$work/run-$i.err"; fail "replica $i did not start"; }
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[$i]}/readyz")" = 200 ] && break
    sleep 0.25
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[$i]}/readyz")" = 200 ] \
    || { podman logs "alignbot-smoke-$i" | tail -n 20; fail "replica $i is not ready"; }
  echo "container smoke: replica $i ready $(( ($(date +%s%N) - started) / 1000000 )) ms after podman run"
  podman healthcheck run "alignbot-smoke-$i" > /dev/null 2>&1 || fail "replica $i: HEALTHCHECK did not pass"
done

for i in 1 2 3; do
  answer="$(python3 tests/container/slash.py "http://127.0.0.1:${ports[$i]}" "$secret" "$team" "$channel" "define sycophancy")"
  case "$answer" in "200 "*[Ss]ycophancy*) echo "container smoke: replica $i answered /align define" ;;
    *) fail "replica $i answered /align define with: $answer" ;; esac
done

marker="smoke-marker-$(openssl rand -hex 4)"
printf '\n%s\n' "$marker" >> "$work/corpus/sycophancy.md"
for _ in $(seq 1 60); do
  curl -s "http://127.0.0.1:${ports[3]}/terms/sycophancy" | grep -q "$marker" && break
  sleep 0.5
done
curl -s "http://127.0.0.1:${ports[3]}/terms/sycophancy" | grep -q "$marker" \
  || fail "replica 3 did not pick up an edit to its mounted corpus"
curl -s "http://127.0.0.1:${ports[1]}/terms/sycophancy" | grep -q "$marker" && fail "replica 1 shows the mounted corpus"
echo "container smoke: replica 3 serves its mounted corpus and reloaded an edit to it"

# Due in the next whole minute that leaves at least 10 s to subscribe; every replica polls every 2 s.
at=$(( ($(date -u +%s) + 70) / 60 * 60 ))
answer="$(python3 tests/container/slash.py "http://127.0.0.1:${ports[1]}" "$secret" "$team" "$channel" \
  "daily on $(date -u -d "@$at" +%H:%M) UTC every day")"
case "$answer" in "200 "*) ;; *) fail "daily on through replica 1 answered: $answer" ;; esac
echo "container smoke: subscribed $channel for $(date -u -d "@$at" +%H:%M) UTC through replica 1"
posts() { cat "$work/slack.jsonl" 2> /dev/null | grep -c "\"method\": \"chat.postMessage\", \"channel\": \"$channel\"" || true; }
deadline=$(( at + 60 ))
while [ "$(posts)" -lt 1 ] && [ "$(date -u +%s)" -lt "$deadline" ]; do sleep 1; done
[ "$(posts)" -ge 1 ] || fail "no term-of-the-day post arrived by $(date -u -d "@$deadline" +%H:%M:%S)"
sleep 8   # four more polls by each replica: any second post would have been made by now
[ "$(posts)" = 1 ] || fail "the term of the day was posted $(posts) times"
echo "container smoke: the term of the day was posted exactly once across three replicas"

podman stop -t 20 alignbot-smoke-2 > /dev/null 2>&1
code="$(podman inspect alignbot-smoke-2 --format '{{.State.ExitCode}}')"
[ "$code" = 0 ] || fail "podman stop: replica 2 exited with $code"
podman logs alignbot-smoke-2 2>&1 | grep -q "Application is shutting down" || fail "replica 2 logged no graceful shutdown"
echo "container smoke: podman stop drained replica 2 (exit code 0)"
echo "container smoke: passed"
