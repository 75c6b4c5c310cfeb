-- the cheapest query: no connector call (gateway overhead floor)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- the sandbox's public demo key of the role (README)
wrk.headers["Authorization"] = "Bearer og_demo-frontend_sandbox-only"
wrk.body = '{"query":"{ __typename }"}'
