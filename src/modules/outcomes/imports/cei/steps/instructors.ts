import type { Queryable } from '../../../../../core/db/client.js';
import type { ImportStep, RowResult } from '../../../../../core/imports/types.js';
import * as importData from '../../../data/cei-import.js';
import { lower, processEntities, required } from '../entities.js';
import type { CeiInstructor } from '../model.js';
import type { CeiRunState } from '../state.js';

type Person = Pick<CeiInstructor, 'email' | 'name'>;

/**
 * The known instructor a feed's person is: the one with that email, else (for an email) the one
 * known by that name without an email yet, else (for a name) the one without an email by that
 * name, or the only one by that name.
 */
export function matchInstructor(known: readonly importData.KnownInstructor[], person: Person) {
  const sameName = known.filter((k) => lower(k.name) === lower(person.name));
  if (person.email) {
    return known.find((k) => k.email === person.email) ?? sameName.find((k) => k.email === null);
  }
  return (
    sameName.find((k) => k.email === null) ?? (sameName.length === 1 ? sameName[0] : undefined)
  );
}

/** The known instructors that people of a batch may match. */
export const knownFor = (q: Queryable, people: readonly Person[]) =>
  importData.instructorsMatching(
    q,
    people.flatMap((p) => (p.email ? [p.email] : [])),
    [...new Set(people.map((p) => lower(p.name)))],
  );

/**
 * Instructors: one per email, or per faculty name when the feed has none (`needs_email`; never
 * an invented address). A person known by name only gets the email when a feed brings one.
 */
export const instructorsStep = (state: CeiRunState): ImportStep => ({
  name: 'instructors',
  dependsOn: ['read'],
  reads: [],
  async run(ctx) {
    const model = required(state.model);
    await processEntities(
      ctx,
      [...model.instructors.values()],
      (instructor) => instructor.first,
      async (q, people) => {
        const known = await knownFor(q, people);
        const userIds = await importData.userIdsByEmail(
          q,
          people.flatMap((p) => (p.email ? [p.email] : [])),
        );
        const added: Person[] = [];
        const results: RowResult[] = [];
        for (const person of people) {
          const match = matchInstructor(known, person);
          if (!match) {
            added.push(person);
            results.push({ outcome: 'created' });
          } else if (person.email && match.email === null) {
            await importData.setInstructorEmail(
              q,
              match.id,
              person.email,
              userIds.get(person.email) ?? null,
            );
            match.email = person.email;
            results.push({ outcome: 'updated' });
          } else {
            results.push({ outcome: 'unchanged' });
          }
        }
        if (added.length > 0) {
          await importData.insertInstructors(
            q,
            ctx.tenantId,
            added.map((p) => ({
              name: p.name,
              email: p.email,
              userId: p.email ? (userIds.get(p.email) ?? null) : null,
            })),
          );
        }
        return results;
      },
    );
  },
});
