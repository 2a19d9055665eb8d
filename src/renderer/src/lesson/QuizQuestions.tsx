import { localize } from '../../../shared/i18n';
import type { LessonView } from '../../../shared/ipc';
import { useLocale } from '../i18n/LocaleContext';
import { InlineMarkdown } from './Markdown';

/** Observation questions: the student answers from what the charts and the canvas showed. */
export function QuizQuestions({ quizzes, answers, onAnswer }: { quizzes: LessonView['quizzes']; answers: Readonly<Record<string, string>>; onAnswer(checkId: string, choiceId: string): void }) {
  const { locale } = useLocale();
  if (quizzes.length === 0) return null;
  return (
    <section className="sl-quizzes">
      {quizzes.map((quiz) => (
        <fieldset key={quiz.id} className="sl-quiz" data-quiz={quiz.id} aria-label={localize(quiz.question, locale).replaceAll("`", "")}>
          <p className="sl-quiz-question">
            <InlineMarkdown text={localize(quiz.question, locale)} />
          </p>
          {quiz.choices.map((choice) => (
            <label key={choice.id} className="sl-quiz-choice">
              <input type="radio" name={`quiz-${quiz.id}`} value={choice.id} checked={answers[quiz.id] === choice.id} onChange={() => onAnswer(quiz.id, choice.id)} />
              <InlineMarkdown text={localize(choice.text, locale)} />
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
