#!/usr/bin/env python3
"""Process start to first answered signed /align request, and idle RSS, for the Release build on the real corpus.
Usage: bench/startup.py [runs, default 5] [path to AlignBot.dll, default the Release build] [--semantic on|off|both]
(run from the repository root after `dotnet build src/AlignBot -c Release`, or after the ReadyToRun publish in bench/README.md)

--semantic off sets Search__Semantic=false. --semantic on (the default, as the host's) keeps the model's file and the
entry vectors in one folder for all runs (Search__DataPath, in the temporary folder; a run before the measured ones
fills it, as a restart finds it), and reads RSS 3 s after the host logs that the model has loaded, i.e. with the
model loaded and the entry vectors built, not only 3 s after the first answer. --semantic both alternates the two, run by
run, so that a machine whose load changes during the measurement weighs on both alike."""
import hashlib, hmac, os, socket, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request

args = [a for a in sys.argv[1:] if not a.startswith("--")]
semantic = "on"
if "--semantic" in sys.argv:
    semantic = sys.argv[sys.argv.index("--semantic") + 1]
    args.remove(semantic)
secret = "startup-signing-secret-0123456789"
runs = int(args[0]) if len(args) > 0 else 5
app = args[1] if len(args) > 1 else "src/AlignBot/bin/Release/net10.0/AlignBot.dll"
data = os.path.join(tempfile.gettempdir(), "alignbot-startup-search")
body = urllib.parse.urlencode({"team_id": "T1", "channel_id": "C1", "user_id": "U1", "command": "/align", "text": "define sycophancy"}).encode()


def run(semantic):
    """Start to first answer in ms, and RSS in MB once idle (and, with the model, once it has loaded)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
    folder = tempfile.mkdtemp()
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Urls=f"http://127.0.0.1:{port}", Slack__SigningSecret=secret,
               Logging__LogLevel__Default="Warning", Logging__LogLevel__AlignBot="Information",
               Storage__ConnectionString=f"Data Source={folder}/a.db",
               Search__Semantic="true" if semantic == "on" else "false", Search__DataPath=data)
    loaded, loaded_at = threading.Event(), [0.0]
    start = time.perf_counter()
    process = subprocess.Popen(["dotnet", app], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def watch():
        for line in process.stdout:
            if "Sentence model loaded" in line:
                loaded_at[0] = time.perf_counter()
                loaded.set()
    threading.Thread(target=watch, daemon=True).start()
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
    elapsed = (time.perf_counter() - start) * 1000
    if semantic == "on" and not loaded.wait(60):
        raise SystemExit("the sentence model did not load within 60 s")
    time.sleep(3)   # with the model: its entry vectors come from the cache a few ms after the model has loaded
    rss = int(open(f"/proc/{process.pid}/status").read().split("VmRSS:")[1].split()[0]) / 1024
    process.terminate(); process.wait()
    return elapsed, rss, (loaded_at[0] - start) * 1000 if loaded.is_set() else 0


modes = ["off", "on"] if semantic == "both" else [semantic]
if "on" in modes:
    run("on")   # fills the data folder (model file, entry vectors) if it is empty; not counted
results = {mode: [] for mode in modes}
for _ in range(runs):
    for mode in modes:
        results[mode].append(run(mode))
for mode in modes:
    times, rss, ready = (sorted(values) for values in zip(*results[mode]))
    print(f"semantic search {mode}")
    print(f"  start to first answer: median {times[len(times)//2]:.0f} ms (min {times[0]:.0f}, max {times[-1]:.0f}) over {runs} runs")
    print(f"  idle RSS 3 s after the first answer{' and the model loaded' if mode == 'on' else ''}: median {rss[len(rss)//2]:.0f} MB (min {rss[0]:.0f}, max {rss[-1]:.0f})")
    if mode == "on":
        print(f"  start to the model loaded (logged): median {ready[len(ready)//2]:.0f} ms (min {ready[0]:.0f}, max {ready[-1]:.0f})")
