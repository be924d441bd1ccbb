import { describe, expect, it } from 'vitest';
import { MissingPermissionError } from '../../src/core/access/route-guard.js';
import { defineModule } from '../../src/core/modules/define-module.js';
import { createTestApp } from '../support/app.js';

describe('route guard', () => {
  it('refuses to boot when a route declares no permission', async () => {
    const careless = defineModule({
      name: 'careless',
      label: 'Careless',
      routes: (app) => {
        app.get('/api/careless/things', async () => []);
      },
    });
    await expect(createTestApp('pglite', { modules: () => [careless] })).rejects.toThrow(
      MissingPermissionError,
    );
  });
});
