/**
 * What the validator lets through but a student would trip on: a lesson with no checks (Check my
 * work then scores 0/0 and says every check passes, whatever the student builds), or with checks
 * but no reference design (nothing shows they can be passed). The studio warns; the validator must
 * not refuse, since installed packs keep loading. Pure: the panel words each gap and goes to its place.
 */
import type { ProblemPlace } from './problemPlace';

export type LessonGap = 'noChecks' | 'noReference';

export interface LessonGapAt {
  gap: LessonGap;
  /** Where the author fills it: the lesson's Checks tab, or its Designs tab's reference. */
  place: ProblemPlace;
}

const PLACES: Record<LessonGap, Pick<ProblemPlace, 'tab' | 'key'>> = {
  noChecks: { tab: 'checks', key: 'checks' },
  noReference: { tab: 'design', key: 'reference' },
};

/** The gaps of a draft's lessons, in lesson order; a lesson with no checks needs no reference yet. */
export function lessonGaps(lessons: readonly { lesson: unknown; reference?: unknown }[]): LessonGapAt[] {
  return lessons.flatMap((entry, lessonIndex) => {
    const checks = (entry.lesson as { checks?: readonly unknown[] } | undefined)?.checks ?? [];
    const gap: LessonGap | undefined = checks.length === 0 ? 'noChecks' : entry.reference === undefined ? 'noReference' : undefined;
    return gap ? [{ gap, place: { lessonIndex, ...PLACES[gap], params: {} } }] : [];
  });
}
