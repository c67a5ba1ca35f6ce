import { setTimeout as sleep } from 'node:timers/promises';

/** Waits until `url` answers 2xx (a server starting), polling every 100 ms; throws after `attempts` polls. */
export async function waitFor(url, attempts = 150) {
  for (let i = 0; i < attempts; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await sleep(100);
  }
  throw new Error(`${url} never answered`);
}

/** A JSON request during setup: any non-2xx answer throws with the body, so a broken setup stops the run. */
export async function json(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export const bearer = (token) => ({ authorization: `Bearer ${token}` });

/** The value below which a share `q` of `values` lies (nearest rank; q = 1 is the maximum). */
export function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
