import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult, GradeReport } from '../../../shared/gradeReport';
import { localize } from '../../../shared/i18n';
import { checkErrorText, reportNotes } from '../../../shared/i18n/reportText';
import { boundText, measuredText } from '../../../shared/i18n/checkValue';
import { formatSeconds, labelColon } from '../i18n/format';
import { useLocale } from '../i18n/LocaleContext';
import { gradeParamWords } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';
import { requestChart } from '../lab/chartRequests';
import { InlineMarkdown, Markdown } from './Markdown';
import { showMeAtMs } from './showMe';

/** The measured value with the formatter grading filled the feedback with (checkValue.ts), so both read the same number. */
function formatMeasured(check: CheckResult, locale: string): string {
  return measuredText(check.measured, check.unit, check.bound, locale);
}

/** Grade messages name fault actions and node kinds by their words in the student's language. */
function useGradeWords() {
  const { t: d } = useTranslation('domain');
  return useMemo(() => gradeParamWords(d), [d]);
}

/** A metric that measured nothing (no request served, no recovery...) failed, it was not broken: its reason reads where the number would be. */
const isNotMeasured = (check: CheckResult) => check.type === 'metric' && check.measured === null && (check.errorKeys ?? []).length > 0 && check.errorKeys!.every((k) => k.key.startsWith('unmeasured.'));

/** A check met by a design over the lesson's budget, which grading did not score (grade.ts holdToBudget): it was evaluated. */
const isOverBudget = (check: CheckResult) => (check.errorKeys ?? []).some((k) => k.key === 'check.overBudget');

/**
 * The one reason several checks could not be evaluated, when they share it (a fault of the lesson
 * that the design never meets fails every run-based check with the same sentence): said once above
 * the checks rather than repeated in every row. Undefined when fewer than two share one.
 */
function sharedError(checks: readonly CheckResult[]): string | undefined {
  const errors = checks.filter((c) => c.error && !isNotMeasured(c) && !isOverBudget(c)).map((c) => c.error!);
  return errors.length >= 2 && errors.every((e) => e === errors[0]) ? errors[0] : undefined;
}

function CheckRow({ check, isErrorShared, onShowMe, onShowFailingRequest }: { check: CheckResult; isErrorShared?: boolean; onShowMe?: (atMs: number) => void; onShowFailingRequest?: (atMs: number) => void }) {
  const { locale, t } = useLocale();
  const words = useGradeWords();
  const nameOf = useNameOfId();
  const [isHintOpen, setHintOpen] = useState(false);
  // A question left blank is not a wrong answer: say so rather than show the wrong answer's feedback.
  const isUnanswered = check.type === 'quiz' && check.measured === null && !check.error;
  const notMeasured = isNotMeasured(check);
  const showMeAt = showMeAtMs(check);
  return (
    <li className={`sl-check ${check.passed ? 'is-passed' : 'is-failed'}`} data-check={check.id}>
      <div className="sl-check-head">
        <span className="sl-check-mark" aria-label={check.passed ? t('passed') : t('failed')}>{check.passed ? '✓' : '✗'}</span>
        <span className="sl-check-title">{localize(check.title, locale)}</span>
        <span className="sl-check-points">
          {check.maxPoints === 0 ? (
            t('observation')
          ) : (
            <>
              {check.points}/{check.maxPoints} {t('points')}
            </>
          )}
        </span>
      </div>
      {check.type !== 'quiz' && (check.bound !== null || check.measured !== null) && (
        <div className="sl-check-numbers">
          {t('measured')}{labelColon(locale)}<strong data-testid={`measured-${check.id}`}>{notMeasured ? checkErrorText(check, locale, words, nameOf) : formatMeasured(check, locale)}</strong>
          {check.bound !== null && (
            <>
              {' · '}
              {/* In words ("at most 3,000 ms"), worded here: the report keeps the grader's "<= 3000 ms". */}
              {t('expected')}{labelColon(locale)}<span data-testid={`bound-${check.id}`}>{boundText(check.bound, check.unit, locale)}</span>
            </>
          )}
        </div>
      )}
      {check.error && !notMeasured && (
        <div className="sl-error" data-testid={isOverBudget(check) ? `not-scored-${check.id}` : undefined}>
          {isErrorShared ? t('couldNotEvaluateAbove') : <>{t(isOverBudget(check) ? 'notScored' : 'couldNotEvaluate')}{labelColon(locale)}{checkErrorText(check, locale, words, nameOf)}</>}
        </div>
      )}
      {isUnanswered && <p className="sl-check-feedback" data-testid={`not-answered-${check.id}`}>{t('notAnswered')}</p>}
      {!check.passed && !isUnanswered && check.feedback && (
        <div className="sl-check-feedback">
          <Markdown text={localize(check.feedback, locale)} onMetricLink={requestChart} />
        </div>
      )}
      {!check.passed && (
        <div className="sl-check-actions">
          {check.hint && (
            <button type="button" onClick={() => setHintOpen((open) => !open)} aria-expanded={isHintOpen}>
              {isHintOpen ? t('hideHint') : t('showHint')}
            </button>
          )}
          {showMeAt !== undefined && onShowMe && (
            <button type="button" onClick={() => onShowMe(showMeAt)} title={formatSeconds(showMeAt, locale)}>
              {t('showMe')} ({formatSeconds(showMeAt, locale)})
            </button>
          )}
          {check.firstViolationMs !== undefined && onShowFailingRequest && (
            <button type="button" onClick={() => onShowFailingRequest(check.firstViolationMs!)} title={t('showFailingRequestHint')} data-testid={`show-request-${check.id}`}>
              {t('showFailingRequest')}
            </button>
          )}
        </div>
      )}
      {!check.passed && isHintOpen && check.hint && (
        <div className="sl-check-hint">
          <Markdown text={localize(check.hint, locale)} onMetricLink={requestChart} />
        </div>
      )}
    </li>
  );
}

/** Reports already brought into view once: going back to a lesson does not scroll its old results again. */
const broughtIntoView = new WeakSet<GradeReport>();

/** The grade report as a student reads it: what passed, by how much the rest missed, and what to try. */
/** `earlierAtMs`: the report is the last check's, kept from before a reload or restart (when it was graded); `isStale`: the design changed since this check. */
export function CheckResults({ report, earlierAtMs, isStale, onShowMe, onShowFailingRequest }: { report: GradeReport; earlierAtMs?: number; isStale?: boolean; onShowMe?: (atMs: number) => void; onShowFailingRequest?: (atMs: number) => void }) {
  const { locale, t } = useLocale();
  const words = useGradeWords();
  const nameOf = useNameOfId();
  const allPassed = report.checks.every((c) => c.passed);
  const shared = sharedError(report.checks);
  const sharedBy = shared === undefined ? undefined : report.checks.find((c) => c.error === shared);
  const section = useRef<HTMLElement>(null);
  // The results land below the steps and questions, out of sight at 1280×720: a new grade scrolls
  // the lesson panel to them, so Check my work visibly answers.
  useEffect(() => {
    // An earlier session's results wait below the lesson's text: opening the lesson starts at its top.
    if (broughtIntoView.has(report) || earlierAtMs !== undefined) return;
    broughtIntoView.add(report);
    section.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [report, earlierAtMs]);
  return (
    <section className="sl-results" aria-label={t('results')} ref={section}>
      <div className="sl-results-head">
        <h3>{t('results')}</h3>
        <span data-testid="grade-score">
          {t('score')} {report.score}/{report.maxScore}
        </span>
      </div>
      {earlierAtMs !== undefined && (
        <p className="sl-results-earlier" role="note" data-testid="results-earlier">
          {t('earlierResults', { time: new Date(earlierAtMs).toLocaleString(locale) })}
        </p>
      )}
      {isStale && (
        <p className="sl-results-earlier" role="note" data-testid="results-stale">
          {t('staleResults')}
        </p>
      )}
      {report.notes && report.notes.length > 0 && (
        <div className="sl-grading-notes" role="note" data-testid="grading-notes">
          <strong>{t('gradingNotes')}</strong>
          <ul>
            {reportNotes(report, locale, words, nameOf).map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {allPassed && <p className="sl-all-passed">{t('allPassed')}</p>}
      {sharedBy !== undefined && (
        <div className="sl-error" role="note" data-testid="shared-check-error">
          <strong>{t('couldNotEvaluateChecks', { n: report.checks.filter((c) => c.error === shared).length })}</strong>
          {labelColon(locale)}
          {checkErrorText(sharedBy, locale, words, nameOf)}
        </div>
      )}
      <ul className="sl-check-list">
        {report.checks.map((check) => (
          <CheckRow key={check.id} check={check} isErrorShared={shared !== undefined && check.error === shared} onShowMe={onShowMe} onShowFailingRequest={onShowFailingRequest} />
        ))}
        {/* Predictions earn their points for any answer: the row says whether one was given. */}
        {(report.predictions ?? []).map((p) => (
          <li key={p.id} className={`sl-check ${p.answer !== null ? 'is-passed' : 'is-failed'}`} data-prediction-result={p.id}>
            <div className="sl-check-head">
              <span className="sl-check-mark" aria-hidden="true">{p.answer !== null ? '✓' : '✗'}</span>
              <span className="sl-check-title">
                {t('predictionRow')}{labelColon(locale)}<InlineMarkdown text={localize(p.question, locale)} />
              </span>
              <span className="sl-check-points">
                {p.points}/{p.maxPoints} {t('points')}
              </span>
            </div>
            {p.answer === null && <p className="sl-check-feedback">{t('predictionUnanswered')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
