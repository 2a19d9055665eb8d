import type { LocalizedText } from '../../src/shared/checks';
import type { Lesson } from '../../src/shared/lesson';

/** Every localized text of a lesson (objectives too when asked), with a path for messages. */
export function lessonTexts(lesson: Lesson, options: { withObjectives?: boolean } = {}): [string, LocalizedText][] {
  const out: [string, LocalizedText][] = [['title', lesson.title]];
  if (options.withObjectives) (lesson.objectives.en ?? []).forEach((en, i) => out.push([`objectives[${i}]`, { en, 'zh-CN': lesson.objectives['zh-CN']?.[i] ?? '' }]));
  lesson.steps.forEach((s, i) => out.push([`steps[${i}]`, s]));
  lesson.checks.forEach((c, i) => {
    const at = `checks[${i}] (${c.id})`;
    if (c.title) out.push([`${at}.title`, c.title]);
    if (c.feedback) out.push([`${at}.feedback`, c.feedback]);
    if (c.hint) out.push([`${at}.hint`, c.hint]);
    if (c.type === 'quiz') {
      out.push([`${at}.question`, c.question]);
      c.choices.forEach((choice, j) => out.push([`${at}.choices[${j}]`, choice.text]));
    }
  });
  lesson.wrongAnswers.forEach((w, i) => out.push([`wrongAnswers[${i}] (${w.id}).name`, w.name]));
  return out;
}
