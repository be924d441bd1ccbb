import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../test/http';
import { getHealth } from './health';

describe('getHealth', () => {
  it('asks GET /api/health and returns the health body', async () => {
    const health = { status: 'ok', version: '0.1.0', time: '2025-01-01T00:00:00.000Z' };
    const fetchMock = stubFetch(jsonResponse(200, health));

    await expect(getHealth()).resolves.toEqual(health);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/health');
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBeUndefined();
  });
});
