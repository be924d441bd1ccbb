import type { RemovalCounts } from '../types';

const COUNT_LABELS: Record<string, [string, string]> = {
  participations: ['participation', 'participations'],
  volunteerParticipations: ['volunteer participation', 'volunteer participations'],
  studentParticipations: ['student participation', 'student participations'],
  teacherParticipations: ['teacher registration', 'teacher registrations'],
  affiliations: ['affiliation', 'affiliations'],
  activities: ['history entry', 'history entries'],
  activitiesDetached: ['history entry unlinked', 'history entries unlinked'],
  volunteersDetached: ['volunteer unlinked', 'volunteers unlinked'],
  studentsDetached: ['student left without a school', 'students left without a school'],
  teachersDetached: ['teacher left without a school', 'teachers left without a school'],
  eventsDetached: ['event unlinked', 'events unlinked'],
  classesDetached: ['class left without a school', 'classes left without a school'],
  schoolsDetached: ['school left without a district', 'schools left without a district'],
};

/** "2 participations, 1 affiliation": what else a removal took or unlinked (zeros left out). */
export function describeCounts(counts: RemovalCounts): string {
  const parts = Object.entries(counts)
    .filter(([key, n]) => key !== 'removed' && n > 0)
    .map(([key, n]) => {
      const [one, many] = COUNT_LABELS[key] ?? [key, key];
      return `${String(n)} ${n === 1 ? one : many}`;
    });
  return parts.length ? parts.join(', ') : 'nothing else';
}
