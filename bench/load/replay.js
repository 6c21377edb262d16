// Replays recorded DynamoDB requests (record-proxy.js) straight to dynalite, with C connections, each request once,
// in recorded order; the storage ceiling for exactly the API's own requests.
// Usage: node replay.js DYNALITE_PORT RECORDING.jsonl CONNECTIONS
// Prints one JSON line: requests, errors, seconds, rate, p50/p99 latency (ms) and this process's CPU ms per request.
'use strict';
const http = require('http');
const fs = require('fs');
const [port, file, connections] = process.argv.slice(2);
const requests = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const auth = 'AWS4-HMAC-SHA256 Credential=local/20261206/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';
const latencies = [];
let next = 0;
let errors = 0;
const statuses = {};

function send(r) {
  return new Promise((resolve) => {
    const body = Buffer.from(r.body, 'utf8');
    const start = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: {
      'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': r.target, 'Authorization': auth,
      'X-Amz-Date': '20261206T000000Z', 'Content-Length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
        if (res.statusCode !== 200) errors++;
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end(body);
  });
}

async function worker() {
  while (next < requests.length) {
    await send(requests[next++]);
  }
}

(async () => {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Number(connections) }, worker));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  console.log(JSON.stringify({ requests: requests.length, errors, statuses, seconds: +seconds.toFixed(2),
    perSecond: +(requests.length / seconds).toFixed(1), p50ms: +q(0.5).toFixed(2), p99ms: +q(0.99).toFixed(2),
    replayerCpuMsPerRequest: +((cpu.user + cpu.system) / 1000 / requests.length).toFixed(3) }));
})();
