-- products(skus:) with prices and availability per location: the storefront's query (no PII)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ products(skus: [\\"OO-C28-BLA\\", \\"OO-SDJ-GLA-M\\", \\"OO-TFP-HEA-M\\", \\"NOPE-1\\"]) { sku title prices { price { amount currencyCode } compareAtPrice { amount } } availability { available byLocation { location { name kind } available } } } }"}'
