-- products(skus:) with prices and availability per location: the storefront's query (no PII)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- the sandbox's public demo key of the role (README)
wrk.headers["Authorization"] = "Bearer og_demo-frontend_sandbox-only"
wrk.body = '{"query":"{ products(skus: [\\"OO-C28-BLA\\", \\"OO-SDJ-GLA-M\\", \\"OO-TFP-HEA-M\\", \\"NOPE-1\\"]) { sku title prices { price { amount currencyCode } compareAtPrice { amount } } availability { available byLocation { location { name kind } available } } } }"}'
