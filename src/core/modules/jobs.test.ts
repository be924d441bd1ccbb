import { describe, expect, it } from 'vitest';
import type { JobRunner } from '../jobs/runner.js';
import type { ModuleDefinition } from './define-module.js';
import { registerModuleJobs, type ModuleJobDeps } from './jobs.js';

describe('module jobs', () => {
  it('registers each module job on the runner, running it with the platform deps', async () => {
    const registered = new Map<string, { task: () => Promise<void>; everySeconds: number }>();
    const runner: JobRunner = {
      register: (name, task, { everySeconds }) => registered.set(name, { task, everySeconds }),
      trigger: () => undefined,
      start: async () => undefined,
      stop: async () => undefined,
      health: async () => [],
    };
    const seen: ModuleJobDeps[] = [];
    const modules: ModuleDefinition[] = [
      { name: 'a', label: 'A' },
      {
        name: 'b',
        label: 'B',
        jobs: [{ name: 'b.daily', everySeconds: 3600, run: async (deps) => void seen.push(deps) }],
      },
    ];
    const deps = { baseUrl: 'http://x' } as ModuleJobDeps;
    registerModuleJobs(runner, modules, deps);
    expect([...registered.keys()]).toEqual(['b.daily']);
    expect(registered.get('b.daily')?.everySeconds).toBe(3600);
    await registered.get('b.daily')?.task();
    expect(seen).toEqual([deps]);
  });
});
