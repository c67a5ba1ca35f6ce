import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/run.mjs';

/**
 * The built API every bench runs, seeds with and takes helpers from: api/dist, or BENCH_API_DIST (another build, e.g.
 * the commit before a change, measured while api/dist holds the change).
 */
export const API_DIST = process.env.BENCH_API_DIST ?? join(REPO_ROOT, 'api/dist');
