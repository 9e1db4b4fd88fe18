-- wrk script: replays the signed slash commands bench/mixed/generate.js wrote, each once, from a starting line on.
-- Usage: wrk -t<threads> … -s bench/mixed/replay.lua <url> -- <file> <first line> <threads> [lines, default all]
-- Thread k sends lines first+k, first+k+threads, …, so no two threads send the same trigger_id. When a thread has
-- sent all of its lines it starts them again (those are then replays, which AlignBot acknowledges without answering):
-- done() prints "replayed: <count>" so a run that ran out of lines says so, and "consumed: <lines>", which the next
-- run adds to its first line. Non-2xx answers are counted by wrk itself.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file, first, stride = args[1], tonumber(args[2] or "0"), tonumber(args[3] or "1")
  local last = args[4] and first + tonumber(args[4]) or math.huge
  signatures, bodies, sent, replayed = {}, {}, 0, 0
  local index = -1
  for line in io.lines(file) do
    if index == last then break end
    if index < 0 then
      timestamp = line
    elseif index >= first and (index - first) % stride == id then
      local tab = line:find("\t", 1, true)
      signatures[#signatures + 1] = line:sub(1, tab - 1)
      bodies[#bodies + 1] = line:sub(tab + 1)
    end
    index = index + 1
  end
  if #bodies == 0 then error("no lines to send from line " .. first .. " of " .. file) end
end

function request()
  sent = sent + 1
  local i = (sent - 1) % #bodies + 1
  if sent > #bodies then replayed = replayed + 1 end
  return wrk.format("POST", "/slack/commands", { ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Slack-Request-Timestamp"] = timestamp, ["X-Slack-Signature"] = signatures[i] }, bodies[i])
end

function done()
  local most, total = 0, 0
  for _, thread in ipairs(threads) do
    most = math.max(most, thread:get("sent"))
    total = total + thread:get("replayed")
  end
  io.write(string.format("replayed: %d\nconsumed: %d\n", total, most * #threads))
end
