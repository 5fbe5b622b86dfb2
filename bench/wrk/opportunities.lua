-- wrk script for bench/run.sh: one kind of request per run, and a machine-readable summary line.
--   wrk ... -s opportunities.lua <url> -- get          (GET the url as given)
--   wrk ... -s opportunities.lua <url> -- create STAGE (POST a create with a new contact email each time)
--   wrk ... -s opportunities.lua <url> -- churn STAGE  (the same creates, each followed by a DELETE of
--                                                      the opportunity it made: warms creates up without
--                                                      storing what the warm-up sent)
-- The create goes to a pipeline of the caller's choice; every request carries a fresh email, so the
-- duplicate-opportunity rule is never hit and every answer should be 200.

local threads = 0
local counter = 1

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local mode = "get"
local body_prefix, body_suffix

-- churn: ids of opportunities created on this thread and not deleted yet, and the headers of a
-- DELETE (wrk's own, with the token, less the create's Content-Type).
local created = {}
local delete_headers

local function headers_without_body()
  local h = {}
  for name, value in pairs(wrk.headers) do
    if name ~= "Content-Type" then
      h[name] = value
    end
  end
  return h
end

function init(args)
  mode = args[1] or "get"
  if mode == "create" or mode == "churn" then
    local stage = args[2]
    -- A run id keeps emails unique across runs against the same server.
    local run = tostring(os.time()) .. "-" .. tostring(math.random(1000000))
    body_prefix = '{"title":"Bench opportunity","status":"open","stageId":"' .. stage
      .. '","name":"Bench Contact","companyName":"Bench Inc","monetaryValue":122.22,'
      .. '"source":"public api","tags":["bench"],"email":"bench-' .. run .. '-' .. tid .. '-'
    body_suffix = '@example.com"}'
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    if mode == "create" then
      -- No response() function: wrk then neither copies bodies into Lua nor calls it (see churn).
      response = nil
    else
      delete_headers = headers_without_body()
    end
  else
    -- Without a request() function wrk sends one pre-built request: no Lua call per request.
    request = nil
    response = nil
  end
end

function request()
  if mode == "churn" and #created > 0 then
    return wrk.format("DELETE", wrk.path .. "/" .. table.remove(created), delete_headers, nil)
  end
  if mode == "create" or mode == "churn" then
    counter = counter + 1
    return wrk.format(nil, nil, nil, body_prefix .. counter .. body_suffix)
  end
  return wrk.request()
end

function response(status, headers, body)
  if mode == "churn" and status == 200 then
    -- The first "id" of a create's answer is the opportunity's (ours and WireMock's answer start
    -- with it; json-server's has only that one, last, maybe a number); a delete's has none.
    local id = string.match(body, '"id":%s*"?([%w_%-]+)')
    if id then
      table.insert(created, id)
    end
  end
end

function done(summary, latency, requests)
  -- summary.errors.status counts answers with a status of 400 or more (wrk's own count: the measured
  -- modes have no response() callback, which would make wrk copy every body into Lua and slow it down).
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d "
      .. "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d status_errors=%d bytes=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status, summary.bytes))
end
