import http from 'node:http';
import { percentile } from './http.mjs';

/**
 * Latency at a steady request rate: an open-loop load generator. Request i is due at start + i / rate and is sent
 * then whatever the earlier ones are doing, over a keep-alive pool large enough never to make it wait for a socket;
 * its latency runs from when it was due to its last response byte, so a server that falls behind shows every delay
 * it caused (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it spreads the rate over its connections and lets each one send its whole
 * per-second quota back to back at the start of every second, then idle. At 200/s over 10 connections that is 10
 * requests in flight for the first part of each second — the closed-loop latency at 10 in flight, not the latency
 * at 200 requests a second arriving as people's requests do.
 *
 * `pathOf(i)` gives each request's path; `headers` are sent with every request. Any non-2xx answer or network error
 * is counted, not timed. Answers { rate, sent, p50, p99, max, failed } (milliseconds).
 */
export async function pacedLatency({ base, rate, seconds, pathOf, headers = {} }) {
  const { hostname, port } = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(rate * seconds);
  const latencies = [];
  let failed = 0;
  const request = (path, due) =>
    new Promise((resolve) => {
      const outgoing = http.get({ hostname, port, path, headers, agent }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode >= 200 && response.statusCode < 300) latencies.push(performance.now() - due);
          else failed++;
          resolve();
        });
      });
      outgoing.on('error', () => {
        failed++;
        resolve();
      });
    });
  const inFlight = [];
  const start = performance.now() + 10;
  for (let index = 0; index < total; index++) {
    const due = start + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(request(pathOf(index), due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const round = (ms) => Math.round(ms * 10) / 10;
  return {
    rate,
    sent: total,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    max: round(percentile(latencies, 1)),
    failed,
  };
}
