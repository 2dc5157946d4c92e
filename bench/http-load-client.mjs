// The load generator of bench/http.bench.ts, run in its own process so client work does not
// compete with the server's event loop. Keep-alive HTTP/1.1 with `concurrency` sockets, requests
// round-robin over the given paths for `seconds`; prints {requests, rps, medianMs, p90Ms, errors}.
import http from 'node:http';

const { baseUrl, paths, headers, concurrency, seconds } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const url = new URL(baseUrl);
const latencies = [];
let errors = 0;
let next = 0;

function once(path) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: url.hostname, port: url.port, path, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end();
  });
}

async function worker(deadline) {
  while (performance.now() < deadline) await once(paths[next++ % paths.length]);
}

// Warm-up: every path once (compiles and caches on the server side), then the measured run.
for (const p of paths) await once(p);
latencies.length = 0;
errors = 0;
const start = performance.now();
const deadline = start + seconds * 1000;
await Promise.all(Array.from({ length: concurrency }, () => worker(deadline)));
const elapsed = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const q = (f) => latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))] ?? 0;
console.log(JSON.stringify({ requests: latencies.length, rps: latencies.length / elapsed, medianMs: q(0.5), p90Ms: q(0.9), errors }));
agent.destroy();
