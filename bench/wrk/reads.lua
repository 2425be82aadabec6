-- wrk: the read routes in turn, with a parent's bearer token; counts the
-- answers by class so that bench/load.py can require no 5xx.
-- Set by the caller: BQ_TOKEN, BQ_APP, BQ_REGION in the environment.
local token = os.getenv("BQ_TOKEN")
local paths = {
	"/v1/applications/" .. os.getenv("BQ_APP"),
	"/v1/kindergartens?limit=20",
	"/v1/queue?region_id=" .. os.getenv("BQ_REGION") .. "&birth_year=2022",
	"/v1/regions",
	"/v1/stats/queue",
}
local threads = {}
local n = 0
ok, client, server = 0, 0, 0

function setup(thread)
	table.insert(threads, thread)
end

function request()
	n = n + 1
	return wrk.format("GET", paths[(n % #paths) + 1],
	    { ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
	if status >= 500 then
		server = server + 1
	elseif status >= 400 then
		client = client + 1
	else
		ok = ok + 1
	end
end

function done(summary, latency, requests)
	local o, c, s = 0, 0, 0
	for _, t in ipairs(threads) do
		o = o + t:get("ok")
		c = c + t:get("client")
		s = s + t:get("server")
	end
	io.write(string.format("STATUS ok=%d 4xx=%d 5xx=%d\n", o, c, s))
	io.write(string.format("LATENCY p50=%.1f p99=%.1f\n",
	    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
