import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const modulesDir = path.join(src, 'modules');

interface SourceFile {
  file: string;
  text: string;
}

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [{ file, text: readFileSync(file, 'utf8') }] : [];
  });
}

/** Resolved paths of a file's relative imports (static, dynamic and re-exports). */
const importsOf = ({ file, text }: SourceFile) =>
  [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    path.resolve(path.dirname(file), m[1] ?? ''),
  );

const isInside = (dir: string, file: string) => !path.relative(dir, file).startsWith('..');

/** The module folder a file belongs to; the registry at src/modules belongs to none. */
const moduleOf = (file: string) =>
  isInside(modulesDir, file) && path.dirname(file) !== modulesDir
    ? path.relative(modulesDir, file).split(path.sep)[0]
    : undefined;

function boundaryViolations(files: SourceFile[]): string[] {
  return files.flatMap((source) =>
    importsOf(source).flatMap((target) => {
      const from = path.relative(root, source.file);
      if (isInside(path.join(src, 'core'), source.file) && isInside(modulesDir, target)) {
        return [`${from}: core imports src/modules`];
      }
      const own = moduleOf(source.file);
      const other = moduleOf(target);
      return own && other && own !== other
        ? [`${from}: module ${own} imports module ${other}`]
        : [];
    }),
  );
}

describe('architecture boundaries', () => {
  it('core never imports modules, and modules never import each other', () => {
    expect(boundaryViolations(sourceFiles(src))).toEqual([]);
  });

  it('catches both kinds of violation', () => {
    const violations = boundaryViolations([
      {
        file: path.join(src, 'core', 'http', 'app.ts'),
        text: "import { x } from '../../modules/engagement/index.js';",
      },
      {
        file: path.join(modulesDir, 'outcomes', 'service.ts'),
        text: "const m = await import('../engagement/service.js');",
      },
      {
        file: path.join(modulesDir, 'outcomes', 'routes.ts'),
        text: "import { tx } from '../../core/db/tx.js';\nimport { s } from './service.js';",
      },
    ]);
    expect(violations).toEqual([
      'src/core/http/app.ts: core imports src/modules',
      'src/modules/outcomes/service.ts: module outcomes imports module engagement',
    ]);
  });
});
