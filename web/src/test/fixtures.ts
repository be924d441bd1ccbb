import type { Me, MeTenant } from '../session/types';

export const riverside: MeTenant = {
  id: '0b7c6a52-1c1e-4c39-9f0e-6a4f5f0f0001',
  slug: 'riverside',
  name: 'Riverside Partners',
  modules: ['engagement'],
  isActive: true,
  role: 'tenant_admin',
  scope: {},
};

export const northCollege: MeTenant = {
  id: '0b7c6a52-1c1e-4c39-9f0e-6a4f5f0f0002',
  slug: 'north-college',
  name: 'North College',
  modules: ['outcomes'],
  isActive: true,
  role: 'program_admin',
  scope: { programs: ['p-1', 'p-2'] },
};

export function meFixture(overrides: Partial<Me> = {}): Me {
  return {
    user: {
      id: 'u-1',
      email: 'ada@example.org',
      name: 'Ada Lovelace',
      isSiteAdmin: false,
      pendingEmail: null,
    },
    tenants: [riverside],
    activeTenantId: riverside.id,
    activeProgramId: null,
    ...overrides,
  };
}

export const healthy = { status: 'ok', version: '0.1.0', time: '2025-01-01T00:00:00.000Z' };

export const unauthenticated = {
  status: 401,
  body: {
    error: { code: 'unauthenticated', message: 'Sign in first', details: [], requestId: 'r-1' },
  },
};
