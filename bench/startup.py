#!/usr/bin/env python3
"""Process start to first answered signed /align request, and idle RSS, for the Release build on the real corpus.
Usage: bench/startup.py [runs, default 5] [path to AlignBot.dll, default the Release build]
(run from the repository root after `dotnet build src/AlignBot -c Release`, or after the ReadyToRun publish in bench/README.md)"""
import hashlib, hmac, os, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request

secret = "startup-signing-secret-0123456789"
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
app = sys.argv[2] if len(sys.argv) > 2 else "src/AlignBot/bin/Release/net10.0/AlignBot.dll"
body = urllib.parse.urlencode({"team_id": "T1", "channel_id": "C1", "user_id": "U1", "command": "/align", "text": "define sycophancy"}).encode()
times, rss = [], []
for _ in range(runs):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
    folder = tempfile.mkdtemp()
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Urls=f"http://127.0.0.1:{port}", Slack__SigningSecret=secret,
               Logging__LogLevel__Default="Warning", Storage__ConnectionString=f"Data Source={folder}/a.db")
    start = time.perf_counter()
    process = subprocess.Popen(["dotnet", app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        ts = str(int(time.time()))
        sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/slack/commands", data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
        try:
            if b"Sycophancy" in urllib.request.urlopen(request, timeout=2).read():
                break
        except Exception:
            time.sleep(0.005)
    times.append((time.perf_counter() - start) * 1000)
    time.sleep(3)
    rss.append(int(open(f"/proc/{process.pid}/status").read().split("VmRSS:")[1].split()[0]) / 1024)
    process.terminate(); process.wait()
times.sort()
print(f"start to first answer: median {times[len(times)//2]:.0f} ms (min {times[0]:.0f}, max {times[-1]:.0f}) over {runs} runs")
print(f"idle RSS 3 s after the first answer: median {sorted(rss)[len(rss)//2]:.0f} MB")
