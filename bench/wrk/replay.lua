-- wrk: replays the requests of a file, one a line, each thread from its
-- own offset and around again; counts the answers by class.  A line is
-- METHOD <tab> PATH <tab> TOKEN or - <tab> BODY (may be empty).
-- Set by the caller: BQ_REQUESTS, the file; BQ_TOKENS, when set, a file
-- each thread appends the access_token of every 200 answer to (the login
-- flood keeps the sessions it opens, for the reads that follow).
local tokens = os.getenv("BQ_TOKENS")
local lines = {}
local threads = {}
n, ok, client, server = 0, 0, 0, 0

function setup(thread)
	table.insert(threads, thread)
	thread:set("n", #threads * 7919)
end

-- In each thread, after wrk has set the Host header the lines need.
function init(args)
	for line in io.lines(os.getenv("BQ_REQUESTS")) do
		local m, p, t, b = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
		local h = {}
		if t ~= "-" then
			h["Authorization"] = "Bearer " .. t
		end
		if b ~= "" then
			h["Content-Type"] = "application/json"
		else
			b = nil
		end
		table.insert(lines, wrk.format(m, p, h, b))
	end
	if tokens then
		tokens = io.open(tokens, "a")
		tokens:setvbuf("line")
	end
end

function request()
	n = n + 1
	return lines[(n % #lines) + 1]
end

function response(status, headers, body)
	if status >= 500 then
		server = server + 1
	elseif status >= 400 then
		client = client + 1
	else
		ok = ok + 1
		if tokens and status == 200 then
			local t = body:match('"access_token"%s*:%s*"([^"]+)"')
			if t then
				tokens:write(t, "\n")
			end
		end
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
	io.write(string.format("LATENCY p50=%.3f p99=%.3f\n",
	    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
