import { describe, expect, it } from 'vitest';
import { auditFixture } from '../test/adminFixtures';
import { actorOf, showValue, targetOf } from './labels';

describe('audit labels', () => {
  it('names the actor by email, else by kind', () => {
    expect(actorOf(auditFixture())).toBe('ada@example.org');
    expect(actorOf(auditFixture({ actorEmail: null, actorType: 'api' }))).toBe('API client');
    expect(actorOf(auditFixture({ actorEmail: null, actorType: 'user', actorId: 'u-5' }))).toBe(
      'u-5',
    );
    expect(actorOf(auditFixture({ actorEmail: null, actorType: 'user', actorId: null }))).toBe(
      'Unknown',
    );
  });

  it('names the target by label, else type and id', () => {
    expect(targetOf(auditFixture({ targetLabel: null, targetId: null }))).toBe('user');
    expect(targetOf(auditFixture({ targetLabel: null, targetId: null, targetType: null }))).toBe(
      '—',
    );
  });

  it('shows recorded values readably', () => {
    expect(showValue(null)).toBe('(none)');
    expect(showValue('')).toBe('(empty)');
    expect(showValue('staff')).toBe('staff');
    expect(showValue({ programs: ['p-1'] })).toBe('{"programs":["p-1"]}');
    expect(showValue(3)).toBe('3');
  });
});
