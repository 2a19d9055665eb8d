import { useTranslation } from 'react-i18next';
import type { Fault } from '../../../shared/scenario';
import { describeFault, describeFaultIn } from './faultMenu';
import { useDomain } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';

/** The faults the student added to the run's scenario, each removable (the run re-simulates). */
export function InjectedFaults({ faults, onRemove }: { faults: Fault[]; onRemove(id: string): void }) {
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  const nameOf = useNameOfId();
  // Named as the timeline names it; the ids (as scenario files write them) stay in the tooltip for instructors.
  const describe = (f: Fault) => describeFaultIn(f, i18n.language, d, nameOf);
  return (
    // Focusable: it scrolls when the bench is small, and the keyboard must be able to scroll it.
    <section className="sl-injected" aria-label={t('injectedFaults')} tabIndex={0}>
      <h3 className="sl-panel-title">{t('injectedFaults')}</h3>
      {faults.length === 0 ? (
        <p className="sl-muted">{t('injectHint')}</p>
      ) : (
        <ul>
          {faults.map((f) => (
            <li key={f.id}>
              <span title={describeFault(f)}>{describe(f)}</span>
              <button type="button" aria-label={t('removeFault', { fault: describe(f) })} onClick={() => onRemove(f.id!)}>✕</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
