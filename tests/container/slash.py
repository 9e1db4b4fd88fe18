#!/usr/bin/env python3
"""Sends one signed `/align` slash command to a running AlignBot, as Slack does (form body, v0 HMAC-SHA256 over
`v0:<timestamp>:<body>`, https://api.slack.com/authentication/verifying-requests-from-slack), and prints the
status code and the answer's text. Usage: slash.py BASE_URL SIGNING_SECRET TEAM CHANNEL "TEXT" """
import hashlib, hmac, json, sys, time, uuid, urllib.error, urllib.parse, urllib.request

base, secret, team, channel, text = sys.argv[1:6]
body = urllib.parse.urlencode({
    "token": "unused", "team_id": team, "team_domain": "smoke", "channel_id": channel, "channel_name": "smoke",
    "user_id": "U0SMOKE01", "user_name": "smoke", "command": "/align", "text": text,
    "api_app_id": "A0SMOKE01", "response_url": f"https://hooks.slack.com/commands/{team}/1/{uuid.uuid4().hex}",
    "trigger_id": f"{int(time.time())}.{uuid.uuid4().int % 10**12}.{uuid.uuid4().hex}",
}).encode()
ts = str(int(time.time()))
signature = "v0=" + hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
request = urllib.request.Request(base.rstrip("/") + "/slack/commands", data=body, method="POST", headers={
    "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
    "X-Slack-Signature": signature})
try:
    with urllib.request.urlopen(request, timeout=10) as response:
        status, raw = response.status, response.read()
except urllib.error.HTTPError as error:
    status, raw = error.code, error.read()
try:
    answer = json.loads(raw or b"{}")
    shown = answer.get("text") or json.dumps(answer)[:300]
except ValueError:
    shown = raw[:300].decode("utf-8", "replace")
print(status, shown.replace("\n", " "))
