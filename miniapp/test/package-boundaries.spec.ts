import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * WeChat loads a subpackage only when one of its pages opens, so the main package cannot reach into one, and one
 * subpackage cannot reach into another (the other may not be loaded). Code used by one role lives in that role's
 * subpackage; code used by several lives in the main package. Type-only imports count too: the rule is about where
 * a file belongs, and a type that two packages need is shared.
 */
const SRC = resolve(__dirname, '..', 'src');
const SUBPACKAGES = ['staff', 'provider', 'home-service'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The subpackage a file of src/ belongs to, or 'main'. */
function packageOf(path: string): string {
  const top = relative(SRC, path).split(sep)[0];
  return SUBPACKAGES.includes(top) ? top : 'main';
}

const IMPORT = /(?:from|import)\s+'(\.[^']*)'/g;

function crossings(): string[] {
  return sourceFiles(SRC).flatMap((file) => {
    const from = packageOf(file);
    return [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map(([, specifier]) => ({ specifier, to: packageOf(resolve(dirname(file), specifier)) }))
      .filter(({ to }) => to !== 'main' && to !== from)
      .map(({ specifier }) => `${relative(SRC, file)} (${from}) imports ${specifier}`);
  });
}

describe('package boundaries', () => {
  it('the main package imports no subpackage, and no subpackage imports another', () => {
    expect(crossings()).toEqual([]);
  });

  it('finds the source files it checks', () => {
    const packages = new Set(sourceFiles(SRC).map(packageOf));
    expect([...packages].sort()).toEqual(['home-service', 'main', 'provider', 'staff']);
  });
});
