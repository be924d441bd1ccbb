import { describe, expect, it } from 'vitest';
import { landingOf, type ModuleInvitationLanding } from './landing.js';

const work = { role: 'instructor' as const, scope: {}, sectionId: 's-1' };

describe('landingOf', () => {
  const toSection: ModuleInvitationLanding = {
    module: 'outcomes',
    landing: ({ sectionId }) => (sectionId ? `/outcomes/sections/${sectionId}` : null),
  };

  it('asks the modules the tenant uses, in order, and takes the first path named', () => {
    const never: ModuleInvitationLanding = { module: 'engagement', landing: () => null };
    expect(landingOf([never, toSection], ['engagement', 'outcomes'], work)).toBe(
      '/outcomes/sections/s-1',
    );
  });

  it('ignores modules the tenant does not use, and lands home without a path', () => {
    expect(landingOf([toSection], ['engagement'], work)).toBe('/');
    expect(landingOf([toSection], ['outcomes'], { ...work, sectionId: null })).toBe('/');
  });

  it('never leaves the site', () => {
    for (const path of ['https://evil.example/', '//evil.example/x', 'outcomes/my']) {
      expect(landingOf([{ module: 'm', landing: () => path }], ['m'], work)).toBe('/');
    }
  });
});
