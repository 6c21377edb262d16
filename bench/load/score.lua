-- wrk script: POST /v1/scores with a new application id on every request (so every request scores and stores).
-- The body is the made-up priming application with its id replaced.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(args[1] or "functions/src/main/resources/org/licencerisk/functions/scores/priming-application.json"))
  template = f:read("*a")
  f:close()
  run = args[2] or tostring(os.time())
end

function request()
  counter = counter + 1
  local id = "LOAD-" .. run .. "-" .. tid .. "-" .. counter
  local body = template:gsub('"applicationId": "[^"]*"', '"applicationId": "' .. id .. '"', 1)
  return wrk.format("POST", "/v1/scores", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    errors = (errors or 0) + 1
  end
  statuses = statuses or {}
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status))
  local all = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses") or {}) do
      all[status] = (all[status] or 0) + n
    end
  end
  local line = "statuses:"
  for status, n in pairs(all) do
    line = line .. " " .. status .. "=" .. n
  end
  io.write(line .. "\n")
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
