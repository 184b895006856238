-- wrk: GET /api/events/{id} with ids spread uniformly over the loaded events.
local events = tonumber(os.getenv("EVENTS") or "10000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/events/" .. math.random(1, events))
end
