-- wrk: GET /api/events?q=<term>&page=1&size=20 with the term drawn from 20 genres both loads use, so concurrent
-- requests rarely share one database query (the app coalesces identical concurrent misses).
local terms = {"jazz", "rock", "techno", "classical", "blues", "folk", "hiphop", "opera", "comedy", "poetry",
               "blockchain", "design", "startup", "science", "film", "food", "wine", "yoga", "chess", "salsa"}
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/events?q=" .. terms[math.random(1, #terms)] .. "&page=1&size=20")
end
