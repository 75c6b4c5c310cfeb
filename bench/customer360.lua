-- customer360(email:) for Ava Chen: the support tool's query (search, merge, orders with lines, metrics)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- the sandbox's public demo key of the role (README)
wrk.headers["Authorization"] = "Bearer og_demo-support_sandbox-only"
wrk.body = '{"query":"{ customer360(email: \\"  AVA.Chen@Example.com \\") { displayName emails phones identities { matchedBy } metrics { orderCount lifetimeValue { amount currencyCode } } orders(first: 10) { edges { node { createdAt status fulfillmentMethod total { amount currencyCode } lines { sku quantity unitPrice { amount } } } } } } }"}'
