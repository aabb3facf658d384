-- One POST body over and over: after the first request every decision is a cache hit.
-- WRK_DELAY_MS, when set, paces each connection (used for latency at a fixed, lower rate).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"input":{"user":"bob","action":"update","object":"id123","type":"cat"}}'
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")

if pause > 0 then
  delay = function() return pause end
end
