// A recording proxy in front of dynalite: forwards every request unchanged (keep-alive on both sides) and, while
// recording, appends it to a JSON Lines file ({"target": X-Amz-Target, "body": the JSON body}).
// Usage: node record-proxy.js LISTEN_PORT DYNALITE_PORT OUT_DIR
// GET /__record/NAME records into OUT_DIR/NAME.jsonl from now on; GET /__record/off stops; both answer the count so far.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const [listenPort, upstreamPort, outDir] = process.argv.slice(2);
let out = null;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let recording = false;
let count = 0;

http.createServer((req, res) => {
  if (req.url.startsWith('/__record/')) {
    const what = req.url.slice('/__record/'.length);
    const answer = JSON.stringify({ count });
    if (out) out.end();
    out = null;
    recording = false;
    if (what !== 'off' && /^[a-z0-9-]+$/.test(what)) {
      out = fs.createWriteStream(path.join(outDir, what + '.jsonl'), { flags: 'w' });
      recording = true;
      count = 0;
    }
    res.end(answer);
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (recording) {
      count++;
      out.write(JSON.stringify({ target: req.headers['x-amz-target'], body: body.toString('utf8') }) + '\n');
    }
    const headers = { ...req.headers };
    delete headers.connection;
    const up = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers, agent },
      (upRes) => {
        res.writeHead(upRes.statusCode, upRes.headers);
        upRes.pipe(res);
      });
    up.on('error', () => { res.writeHead(502); res.end(); });
    up.end(body);
  });
}).listen(Number(listenPort), '127.0.0.1');
