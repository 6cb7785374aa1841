-- POSTs the article's real comment form. The CSRF cookie and token, the signed
-- timestamp and the article come from one GET of the page (see run.py); each
-- request is a new reader, so no per-email limit is reached and every post does
-- the work a new commenter's post does.
local form = os.getenv("BENCH_COMMENT_FORM")
local cookie = os.getenv("BENCH_COMMENT_COOKIE")
local counter = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = cookie

function init(args)
  math.randomseed(os.time())
end

function request()
  counter = counter + 1
  local reader = string.format("bench%d-%d", math.random(1, 1000000000), counter)
  local body = form .. "&name=" .. reader .. "&email=" .. reader .. "%40example.org"
  return wrk.format(nil, nil, nil, body)
end
