-- the cheapest query: no connector call (gateway overhead floor)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ __typename }"}'
