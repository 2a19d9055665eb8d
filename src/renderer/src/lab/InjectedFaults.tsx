import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fault } from '../../../shared/scenario';
import { describeFault, describeFaultIn, lessonFaultsInTimeOrder } from './faultMenu';
import { labelColon } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * The run's faults: those the student added to the scenario, each removable (the run
 * re-simulates), and after them the lesson's own (its scenario's), marked as the lesson's and not
 * removable. Without the lesson's, an instance went down with nothing here saying why or when.
 */
export function InjectedFaults({ faults, lessonFaults, onRemove }: { faults: Fault[]; lessonFaults: readonly Fault[]; onRemove(id: string): void }) {
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  const nameOf = useNameOfId();
  const fromLessonId = useId();
  const ofLesson = useMemo(() => lessonFaultsInTimeOrder(lessonFaults), [lessonFaults]);
  // Named as the timeline names it; the ids (as scenario files write them) stay in the tooltip for instructors.
  const describe = (f: Fault) => describeFaultIn(f, i18n.language, d, nameOf);
  const colon = labelColon(i18n.language);
  // After an English colon a space; after the Chinese one (a space of its own) only a place to break the row.
  const afterColon = colon.endsWith(' ') ? ' ' : ZERO_WIDTH_SPACE;
  return (
    // Focusable: it scrolls when the bench is small, and the keyboard must be able to scroll it.
    <section className="sl-injected" aria-label={t('injectedFaults')} tabIndex={0}>
      {/* The student's own: their faults (each with its ✕), or how to add one. */}
      <div className={`sl-injected-own${faults.length === 0 && ofLesson.length > 0 ? ' is-short' : ''}`} data-testid="injected-own">
        <h3 className="sl-panel-title">{t('injectedFaults')}</h3>
        {faults.length > 0 ? (
          <ul>
            {faults.map((f) => (
              <li key={f.id}>
                <span title={describeFault(f)}>{describe(f)}</span>
                <button type="button" aria-label={t('removeFault', { fault: describe(f) })} onClick={() => onRemove(f.id!)}>✕</button>
              </li>
            ))}
          </ul>
        ) : ofLesson.length > 0 ? (
          // Beside the lesson's faults the hint keeps to the title's row (whole in its tooltip): on two rows of its
          // own it left the lesson's below the panel's fold at 1280×720.
          <span className="sl-muted" title={t('injectHint')}>
            {t('injectHintShort')}
          </span>
        ) : (
          <p className="sl-muted">{t('injectHint')}</p>
        )}
      </div>
      {ofLesson.length > 0 && (
        <div className="sl-injected-lesson" data-testid="lesson-faults">
          <span className="sl-injected-from" id={fromLessonId} title={t('fromLessonHint')}>
            {t('fromLesson')}
            {colon.trimEnd()}
          </span>
          {afterColon}
          {/* A space between items (widened by word-spacing): one that ends a row takes no room there, a margin did. */}
          <ul aria-labelledby={fromLessonId}>
            {ofLesson.flatMap(({ id, fault }, i) => [
              ...(i > 0 ? [' '] : []),
              // Whole in its tooltip where a long name cuts it; in the student's words only (the scenario's ids are English).
              <li key={id} data-fault={id} title={describe(fault)}>
                {describe(fault)}
              </li>,
            ])}
          </ul>
        </div>
      )}
    </section>
  );
}
