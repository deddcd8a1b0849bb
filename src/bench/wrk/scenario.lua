-- One benchmark scenario under wrk's closed load (throughput only: wrk's own latencies hide stalls, so latency is
-- measured by the open-load driver). The Java driver writes the scenario into the file BENCH_SPEC names: key=value
-- lines (mode, auth, body, ...) and, beside it, files of paths or of "id version" lines.
-- Counts 2xx and non-2xx answers itself (wrk counts only status >= 400 as errors) and prints them at the end in
-- one BENCH_RESULT line.

local spec = {}
for line in io.lines(os.getenv("BENCH_SPEC")) do
  local k, v = line:match("^([%w_]+)=(.*)$")
  if k then spec[k] = v end
end

local function read_lines(file)
  local lines = {}
  for line in io.lines(file) do
    if line ~= "" then table.insert(lines, line) end
  end
  return lines
end

-- main Lua state: one thread object per wrk thread, to sum their counts in done()
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

-- per-thread state (globals, so that done() can read them with thread:get)
ok = 0
bad = 0
statuses = {}
local sent = 0
local paths, reads, pool, versions, pool_index, feed_cursor

function init(args)
  math.randomseed(os.time() + tid * 7919)
  if spec.paths then paths = read_lines(spec.paths) end
  if spec.reads then reads = read_lines(spec.reads) end
  if spec.pool then
    -- each thread edits its own share of the pool, so no two threads race for a record
    pool, versions, pool_index = {}, {}, 0
    local threads_total = tonumber(spec.threads)
    for i, line in ipairs(read_lines(spec.pool)) do
      if (i - 1) % threads_total == tid - 1 then
        local id, version = line:match("^(%S+)%s+(%d+)$")
        table.insert(pool, id)
        versions[id] = version
      end
    end
  end
  feed_cursor = spec.feed_cursor
end

local function headers(key, extra)
  local h = {}
  if key and key ~= "" then h["Authorization"] = "Bearer " .. key end
  if extra then
    for k, v in pairs(extra) do h[k] = v end
  end
  return h
end

local function unique()
  sent = sent + 1
  return "wrk-" .. spec.run .. "-" .. tid .. "-" .. sent
end

local function post_request()
  local key = unique()
  return wrk.format("POST", spec.post_path,
    headers(spec.write_auth, {["Content-Type"] = "application/json", ["Idempotency-Key"] = key}),
    (spec.body:gsub("{n}", key)))
end

local function put_request()
  pool_index = pool_index % #pool + 1
  local id = pool[pool_index]
  return wrk.format("PUT", spec.put_prefix .. id,
    headers(spec.auth, {["Content-Type"] = "application/json", ["If-Match"] = '"' .. versions[id] .. '"'}),
    (spec.body:gsub("{n}", unique())))
end

request = function()
  if spec.mode == "get" then
    return wrk.format("GET", paths[math.random(#paths)], headers(spec.auth))
  elseif spec.mode == "post" then
    return post_request()
  elseif spec.mode == "put" then
    return put_request()
  end
  -- mixed: 80 % reads, 15 % writes, 5 % feed polls
  local roll = math.random(100)
  if roll <= 80 then
    return wrk.format("GET", reads[math.random(#reads)], headers(spec.auth))
  elseif roll <= 95 then
    return post_request()
  end
  return wrk.format("GET", spec.feed_path .. "&after=" .. feed_cursor, headers(spec.feed_auth))
end

response = function(status, hdrs, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    bad = bad + 1
    statuses[tostring(status)] = (statuses[tostring(status)] or 0) + 1
  end
  if status ~= 200 then return end
  if pool then
    -- a PUT's answer is the record: its id comes first, its new version in the ETag
    local id = body:match('^{"id":"([%x%-]+)"')
    local etag = hdrs["ETag"] or hdrs["etag"] or hdrs["Etag"]
    if id and etag and versions[id] then versions[id] = etag:match("%d+") end
  elseif spec.mode == "mixed" then
    -- a feed page (its entries carry seq, an empty one starts so); list pages of the reads have no seq
    local cursor = body:match('"nextCursor":"([^"]+)"')
    if cursor and (body:find('"seq":"', 1, true) or body:sub(1, 11) == '{"items":[]') then
      feed_cursor = cursor
    end
  end
end

done = function(summary, latency, requests)
  local ok_total, bad_total, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    bad_total = bad_total + thread:get("bad")
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  local e = summary.errors
  io.write(string.format("BENCH_RESULT requests=%d duration_us=%d ok=%d non2xx=%d connect=%d read=%d write=%d "
    .. "timeout=%d\n", summary.requests, summary.duration, ok_total, bad_total, e.connect, e.read, e.write,
    e.timeout))
  for status, count in pairs(by_status) do
    io.write(string.format("BENCH_STATUS %s %d\n", status, count))
  end
end
