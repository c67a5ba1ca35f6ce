/** What JSON.parse answers: these tests read what they need of a body and assert on it. */
type ParsedJson = ReturnType<typeof JSON.parse>;

/**
 * Calls the API at `baseUrl` as the holder of `token` (or signed out) and answers the parsed body; anything but a 2xx
 * throws with the method, path, status and body, so a failed setup step says which one.
 */
export async function callApi<T = ParsedJson>(baseUrl: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Looks again every 200 ms until `done` (never a fixed pause); fails with what it saw last. */
export async function waitFor<T>(what: string, look: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await look();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await look();
  }
  return last;
}
