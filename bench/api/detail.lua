-- wrk: GET /api/events/{id} with ids spread uniformly over the loaded events (FIRST_ID .. FIRST_ID + EVENTS - 1).
local events = tonumber(os.getenv("EVENTS") or "10000")
local first = tonumber(os.getenv("FIRST_ID") or "1")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/events/" .. math.random(first, first + events - 1))
end
