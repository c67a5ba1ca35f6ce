import type { FastifyInstance } from 'fastify';

interface RoutePattern {
  pattern: RegExp;
  methods: Set<string>;
}

/** A Fastify route URL (`/api/staff/residents/:residentId`, `/api/docs/*`) as a regular expression for a path. */
function patternOf(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z0-9_]+|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * The methods the API serves at each path, so that a known path asked with another method answers
 * `405 METHOD_NOT_ALLOWED` with `Allow` rather than 404. Fastify's router says only "no route" in both cases; the
 * routes are collected as they are registered (the onRoute hook) and consulted only once the router has found
 * nothing. Only routes under the API prefix count: the H5 app's catch-all would otherwise "allow GET" everywhere.
 */
export class AllowedMethods {
  private readonly routes = new Map<string, RoutePattern>();

  private constructor(private readonly prefix: string) {}

  /** Starts collecting; call before any route is registered. */
  static collect(fastify: FastifyInstance, prefix: string): AllowedMethods {
    const allowed = new AllowedMethods(prefix);
    fastify.addHook('onRoute', (route) => allowed.add(route.url, route.method));
    return allowed;
  }

  private add(url: string, method: string | string[]): void {
    if (!url.startsWith(this.prefix)) return;
    const route = this.routes.get(url) ?? { pattern: patternOf(url), methods: new Set<string>() };
    for (const each of [method].flat()) route.methods.add(each.toUpperCase());
    this.routes.set(url, route);
  }

  /** The methods some route serves at `url` (its query string ignored), sorted; empty for an unknown path. */
  at(url: string): string[] {
    const path = url.split('?', 1)[0];
    if (!path.startsWith(this.prefix)) return [];
    const methods = new Set<string>();
    for (const route of this.routes.values()) {
      if (route.pattern.test(path)) route.methods.forEach((method) => methods.add(method));
    }
    return [...methods].sort();
  }
}
