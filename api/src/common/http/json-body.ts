import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

/**
 * Deeper than any body the API takes (its DTOs nest three or four levels). Past a few thousand levels the
 * recursive code after the parser (class-transformer, class-validator) overflows the stack, so the limit is
 * checked on the raw text, before anything recursive sees it.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether objects and arrays nest deeper than `limit` in a JSON text; brackets inside strings are text. */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') {
      inString = true;
    } else if (character === '[' || character === '{') {
      if (++depth > limit) return true;
    } else if (character === ']' || character === '}') {
      depth--;
    }
  }
  return false;
}

type JsonParser = (request: FastifyRequest, body: string, done: (error: Error | null, body?: unknown) => void) => void;

/**
 * The API's one body parser, JSON only (every other content type is 415), replacing Fastify's own:
 * - an empty body is no body, whatever the content type says: `wx.request` sends `application/json` on every
 *   method, DELETE included, and a route that needs a body then lists the missing fields (VALIDATION_FAILED);
 * - nesting beyond MAX_JSON_DEPTH is `400 MALFORMED_BODY` with `details.maxDepth`, on every route, before
 *   authentication and validation;
 * - everything else goes to Fastify's own parser, which keeps refusing `__proto__` and `constructor.prototype`
 *   keys (prototype poisoning) and broken JSON.
 * The size limit stays Fastify's (`bodyLimit`, 413).
 */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  // Fastify's default parser is callback-style; its declared type also admits the promise form.
  const parseSecurely = fastify.getDefaultJsonParser('error', 'error') as JsonParser;
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.length === 0) return done(null, undefined);
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(new DomainError('MALFORMED_BODY', `请求内容嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`, { maxDepth: MAX_JSON_DEPTH }), undefined);
    }
    parseSecurely(request, text, done);
  });
}
