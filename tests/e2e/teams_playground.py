#!/usr/bin/env python3
"""End-to-end: AlignBot (Development, Teams:AllowAnonymous) and Microsoft 365 Agents Playground on loopback.

Starts the playground with tools/agents-playground/start, sends "what is sycophancy" through it, finds the Sycophancy
Adaptive Card among the activities the bot sent back (the playground's recording), submits one of its related-term
buttons through the playground, and finds that term's card. Usage: teams_playground.py PATH/TO/AlignBot.dll   (run from the repository root)
"""
import json, os, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def wait_http(url, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return True
        except Exception:
            time.sleep(0.3)
    return False

def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    return urllib.request.urlopen(request, timeout=10).read()

def bot_cards(recording):
    """(activity id, card) for every Adaptive Card the bot sent, oldest first."""
    if not os.path.exists(recording):
        return []
    cards = []
    for chunk in open(recording, encoding="utf-8").read().split("\n---"):
        chunk = chunk.strip()
        if not chunk:
            continue
        try:
            record = json.loads(chunk)
        except json.JSONDecodeError:
            continue
        if not record.get("direction", "").startswith("User Application"):
            continue
        for attachment in (record.get("request", {}).get("body") or {}).get("attachments") or []:
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
                cards.append((record.get("messageId"), attachment["content"]))
    return cards

def wait_card(recording, title, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        for activity_id, card in bot_cards(recording):
            body = card.get("body") or []
            if body and body[0].get("text") == title:
                return activity_id, card
        time.sleep(0.3)
    return None, None

def main():
    dll = sys.argv[1]
    work = tempfile.mkdtemp(prefix="alignbot-e2e-")
    bot_port, pg_port = free_port(), free_port()
    recording = os.path.join(work, "recording.log")
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", Teams__AppId="local-playground-app", Teams__AllowAnonymous="true",
               Urls=f"http://127.0.0.1:{bot_port}", Storage__ConnectionString=f"Data Source={work}/alignbot.db")
    host = subprocess.Popen(["dotnet", dll], env=env, stdout=open(os.path.join(work, "host.log"), "w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    playground = subprocess.Popen(["tools/agents-playground/start", f"http://127.0.0.1:{bot_port}/api/messages", str(pg_port), recording],
                                  stdout=open(os.path.join(work, "playground.out"), "w"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        if not wait_http(f"http://127.0.0.1:{bot_port}/healthz", 60) or not wait_http(f"http://127.0.0.1:{pg_port}/", 180):
            raise SystemExit("e2e: the host or the playground did not start")
        base = f"http://127.0.0.1:{pg_port}/_conversation/v1"
        post(f"{base}/conversations/conv-1/messages", {"type": "text", "text": "what is sycophancy", "textFormat": "plain", "from": {"id": "user-id-0"}})
        card_id, card = wait_card(recording, "Sycophancy")
        if card is None:
            raise SystemExit("e2e: no Sycophancy card among the bot's replies")
        buttons = [a for block in card["body"] if block.get("type") == "ActionSet" for a in block["actions"] if a.get("type") == "Action.Submit"]
        if not buttons:
            raise SystemExit("e2e: the Sycophancy card has no related-term buttons")
        button = buttons[0]
        post(f"{base}/submit", {"conversation": {"id": "conv-1"}, "replyToId": card_id, "value": button["data"], "from": {"id": "user-id-0"}})
        _, related = wait_card(recording, button["title"])
        if related is None:
            raise SystemExit(f"e2e: clicking '{button['title']}' did not bring that term's card")
        print(f"e2e: Agents Playground round trip passed (Sycophancy card, then {button['title']})")
    finally:
        for process in (playground, host):
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except Exception:
                pass
        if os.environ.get("KEEP_E2E") is None:
            shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
