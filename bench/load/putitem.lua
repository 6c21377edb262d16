-- wrk script: raw DynamoDB PutItem against dynalite (the ceiling of the end-to-end run), a new key per request and an
-- item of the size of a stored score. dynalite does not check signatures, only that one is present.
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  table_name = args[1] or "bench-putitem"
  pad = string.rep("x", tonumber(args[2] or "1500"))
end

function request()
  counter = counter + 1
  local body = '{"TableName":"' .. table_name .. '","Item":{"applicationId":{"S":"P-' .. tid .. '-' .. counter ..
      '"},"sk":{"S":"SCORE#x"},"payload":{"S":"' .. pad .. '"}}}'
  return wrk.format("POST", "/", {
    ["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "DynamoDB_20120810.PutItem",
    ["Authorization"] = "AWS4-HMAC-SHA256 Credential=local/20261129/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
    ["X-Amz-Date"] = "20261129T000000Z",
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
