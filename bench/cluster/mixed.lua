-- wrk: the mixed load of the cluster benchmark, per 100 requests: 46 event lists (search, filters, pages),
-- 40 event details, 8 quotes, 2 sign-in nonces, 2 sign-in verifications (pre-signed messages, each used once),
-- 2 event updates (PUT with If-Match: *). Settings come from the environment (ClusterBench sets them).
local events = tonumber(os.getenv("EVENTS") or "2000")
local chain_events = {}
for id in string.gmatch(os.getenv("CHAIN_EVENTS") or "", "[^,]+") do table.insert(chain_events, id) end
local token = os.getenv("ORGANIZER_TOKEN") or ""
local signins_file = os.getenv("SIGNINS") or ""
local queries = {"/api/events?q=jazz&page=1&size=20", "/api/events?q=rock%20festival&size=20",
  "/api/events?location=Berlin&size=20", "/api/events?page=3&size=20", "/api/events?q=blockchain&page=2&size=10",
  "/api/events?sort=startsAt&size=20"}

local signins = {}
local next_signin = 1
local counter = 0

setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
end

init = function(args)
  math.randomseed(os.time() + id * 7919)
  -- each wrk thread takes every other pre-signed message, so no message is sent twice
  local threads = tonumber(os.getenv("WRK_THREADS") or "2")
  local n = 0
  if signins_file ~= "" then
    for line in io.lines(signins_file) do
      if n % threads == id then table.insert(signins, line) end
      n = n + 1
    end
  end
end

local i = 0
request = function()
  i = i + 1
  local slot = i % 100
  if slot < 46 then
    return wrk.format("GET", queries[1 + (i % #queries)])
  elseif slot < 86 then
    return wrk.format("GET", "/api/events/" .. math.random(1, events))
  elseif slot < 94 then
    return wrk.format("GET", "/api/events/" .. chain_events[math.random(1, #chain_events)] .. "/quote?quantity=" .. math.random(1, 3))
  elseif slot < 96 then
    return wrk.format("POST", "/api/auth/nonce")
  elseif slot < 98 and next_signin <= #signins then
    local body = signins[next_signin]
    next_signin = next_signin + 1
    return wrk.format("POST", "/api/auth/verify", {["Content-Type"] = "application/json"}, body)
  elseif slot < 98 then
    return wrk.format("POST", "/api/auth/nonce")
  else
    local id = chain_events[math.random(1, #chain_events)]
    local body = '{"name":"Updated under load ' .. i .. '","description":"Mixed load.","location":"Berlin",'
      .. '"startsAt":"' .. os.getenv("STARTS_AT") .. '","endsAt":"' .. os.getenv("ENDS_AT") .. '",'
      .. '"priceWei":"1000000000000000","capacity":1000}'
    return wrk.format("PUT", "/api/events/" .. id,
      {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token, ["If-Match"] = "*"}, body)
  end
end

-- Non-2xx answers by problem type, path kind and status, printed by wrk at the end (so a run shows what failed).
local threads = {}
local setup_thread = setup
setup = function(thread)
  setup_thread(thread)
  table.insert(threads, thread)
end

failures = ""
local counts = {}
response = function(status, headers, body)
  if status >= 300 then
    local path = string.match(body or "", '"instance":"([^"]*)"') or "?"
    path = string.gsub(path, "%d+", "{n}")
    local slug = string.match(body or "", '"type":"[^"]*/([^"/]*)"') or "?"
    local key = status .. " " .. slug .. " " .. path
    counts[key] = (counts[key] or 0) + 1
    local text = ""
    for k, v in pairs(counts) do text = text .. k .. " x" .. v .. "; " end
    failures = text
  end
end

done = function(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local f = thread:get("failures")
    if f and f ~= "" then io.write("non-2xx: " .. f .. "\n") end
  end
end
