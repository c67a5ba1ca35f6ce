import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './run.mjs';

/** Node lines past their end of life that still run the project, for machines not yet moved on. */
const END_OF_LIFE_LINES = new Map([[20, 'April 2026']]);

/**
 * Whether `version` (e.g. "22.13.1") meets `engines.node` as this project writes it: `^x.y.z` alternatives joined
 * by `||`, one per supported Node line. Written out rather than using semver because it runs before any install.
 */
export function satisfiesEngines(version, range) {
  const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number);
  return range.split('||').some((alternative) => {
    const caret = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(alternative);
    if (!caret) throw new Error(`engines.node alternative "${alternative.trim()}" is not of the form ^x.y.z`);
    const [wantMajor, wantMinor, wantPatch] = caret.slice(1).map(Number);
    return major === wantMajor && (minor > wantMinor || (minor === wantMinor && patch >= wantPatch));
  });
}

/**
 * Says, before anything runs, when the running Node is not one the project supports (it would otherwise fail later
 * with an obscure error, e.g. NestJS 12's ESM packages on an older Node) or is supported but past its end of life.
 */
export function warnAboutNodeVersion() {
  const range = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).engines.node;
  const major = Number(process.versions.node.split('.')[0]);
  if (!satisfiesEngines(process.versions.node, range)) {
    console.warn(`⚠ Node ${process.version} is not supported (package.json engines: ${range}); use Node 24 LTS.`);
  } else if (END_OF_LIFE_LINES.has(major)) {
    console.warn(`⚠ Node ${major} reached end of life in ${END_OF_LIFE_LINES.get(major)}; it still works here, but use Node 24 LTS (or 22) in production.`);
  }
}
