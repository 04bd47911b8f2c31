import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every non-test source file of the library, relative to its src folder. */
const sources = (dir: string, prefix = ''): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')
        ? [`${prefix}${entry.name}`]
        : [],
  );

describe('demo-data purity', () => {
  it('imports nothing at run time but the domain and its own files', () => {
    const runtimeImports = sources(__dirname).flatMap((file) =>
      [
        ...readFileSync(join(__dirname, file), 'utf8').matchAll(
          /^import (?!type )[^;]*?from '([^']+)'/gms,
        ),
      ]
        .map((match) => match[1])
        .filter((module) => !module.startsWith('.') && module !== '@crm/domain')
        .map((module) => `${file}: ${module}`),
    );
    expect(runtimeImports).toEqual([]);
  });
});
