-- wrk script: POSTs pre-signed Slack slash commands read from a file, each request once.
--
--   wrk -t1 -c64 -d20s -s bench/slack/requests.lua http://127.0.0.1:8090 -- FILE THREADS
--
-- FILE holds one request a line, as bench/slack/make_requests.py writes them:
-- <X-Slack-Request-Timestamp> TAB <X-Slack-Signature> TAB <form body>. THREADS must be wrk's
-- -t: thread n of THREADS sends lines n, n+THREADS, n+2*THREADS, … so no two requests are the
-- same. A thread that runs out starts over (its repeats would be answered from Deputy's dedupe,
-- not handled): done() says how many requests repeated; make the file big enough for none.

local counter = 0
local threads = {}

function setup(thread)
   thread:set("id", counter)
   table.insert(threads, thread)
   counter = counter + 1
end

function init(args)
   local file = args[1]
   local total = tonumber(args[2] or "1")
   requests = {}
   local n = 0
   for line in io.lines(file) do
      if n % total == id then
         local timestamp, signature, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
         requests[#requests + 1] = wrk.format("POST", "/slack/commands", {
            ["Content-Type"] = "application/x-www-form-urlencoded",
            ["X-Slack-Request-Timestamp"] = timestamp,
            ["X-Slack-Signature"] = signature,
         }, body)
      end
      n = n + 1
   end
   index = 0
   repeated = 0
end

function request()
   index = index + 1
   if index > #requests then
      index = 1
   end
   if wrapped then repeated = repeated + 1 end
   if index == #requests then wrapped = true end
   return requests[index]
end

function done(summary, latency, requests)
   -- No response() callback: it would make wrk parse every answer in Lua. wrk counts
   -- answers outside 2xx/3xx itself (summary.errors.status).
   local repeats = 0
   for _, thread in ipairs(threads) do
      repeats = repeats + (thread:get("repeated") or 0)
   end
   io.write(string.format("WRK_JSON {\"requests\": %d, \"seconds\": %.3f, \"rps\": %.1f, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"non200\": %d, \"repeated\": %d, \"socket_errors\": %d}\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, repeats,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
