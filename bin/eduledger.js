#!/usr/bin/env node
// The installed `eduledger` command runs the compiled CLI (`npm run build`).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/server/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    'EduLedger is not built yet: run `npm run build` (or use `npm run cli -- …`).\n',
  );
  process.exit(2);
}
await import(compiled.href);
