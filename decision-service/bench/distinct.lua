-- POST bodies that never repeat (a counter in "object"), so the decision cache mostly misses.
-- WRK_DELAY_MS, when set, paces each connection (used for latency at a fixed, lower rate).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local users = {"alice", "bob", "eve", "mallory"}
local actions = {"read", "update", "delete"}
local types = {"dog", "cat", "finance"}
local n = 0
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")

request = function()
  n = n + 1
  local body = string.format('{"input":{"user":"%s","action":"%s","type":"%s","object":"id%d"}}',
    users[n % 4 + 1], actions[n % 3 + 1], types[n % 7 % 3 + 1], n)
  return wrk.format(nil, nil, nil, body)
end

if pause > 0 then
  delay = function() return pause end
end
