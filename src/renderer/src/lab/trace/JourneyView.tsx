import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { JourneyStep, RequestId, UserJourney } from '../../../../shared/requestTrace';
import { formatEventTime } from '../../i18n/format';
import { useDomain } from '../../i18n/useDomain';

const same = (a: RequestId, b: RequestId) => a.client === b.client && a.n === b.n;

/**
 * One user's journey: every request with the instance that served it and where the session lived,
 * the moments the session was lost and why. A row's request can be traced, or two compared.
 */
export function JourneyView({ journey, labelOf, onShow, onCompare, isCompact = false }: { journey: UserJourney; labelOf(id: string): string; onShow(id: RequestId): void; onCompare(a: RequestId, b: RequestId): void; isCompact?: boolean }) {
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  const lang = i18n.language;
  const [picked, setPicked] = useState<RequestId[]>([]);
  const s = (ms: number) => formatEventTime(ms, lang);
  const where = (step: JourneyStep) =>
    step.session.where === 'none' ? t('requestTrace.where.none') : t(`requestTrace.where.${step.session.where}`, { node: step.session.node !== undefined ? labelOf(step.session.node) : '' });
  const toggle = (id: RequestId) => setPicked((p) => (p.some((x) => same(x, id)) ? p.filter((x) => !same(x, id)) : [...p, id].slice(-2)));
  return (
    <div className={`sl-journey sl-trace-body${isCompact ? ' is-compact' : ''}`} data-testid="journey">
      <p>
        <strong>{t('requestTrace.journeyOf', { user: journey.user, client: labelOf(journey.client), count: journey.steps.length })}</strong>{' '}
        {picked.length === 2 && (
          <button type="button" onClick={() => onCompare(picked[0]!, picked[1]!)}>
            {t('requestTrace.compareTwo')}
          </button>
        )}
        {picked.length < 2 && <span className="sl-muted">{t('requestTrace.pickTwo')}</span>}
      </p>
      {journey.losses.length > 0 && (
        <ul className="sl-journey-losses" data-testid="journey-losses">
          {journey.losses.map((l, i) => (
            <li key={i} data-reason={l.reason}>
              {t('requestTrace.lossTitle')} {t(`requestTrace.loss.${l.reason}`, { holder: l.holder !== undefined ? labelOf(l.holder) : '—', time: s(l.atMs) })} {t('requestTrace.noticed', { node: labelOf(l.noticedBy), time: s(l.noticedAtMs) })}
            </li>
          ))}
        </ul>
      )}
      <table>
        <thead>
          <tr>
            <th>{t('requestTrace.col.compare')}</th>
            <th>{t('requestTrace.col.start')}</th>
            <th>{t('requestTrace.col.outcome')}</th>
            <th>{t('requestTrace.col.servedBy')}</th>
            <th>{t('requestTrace.col.session')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {journey.steps.map((step) => (
            <tr key={step.id.n} className={step.outcome !== undefined && step.outcome !== 'ok' ? 'is-failed' : undefined}>
              <td>
                <input type="checkbox" aria-label={t('requestTrace.compareThis', { n: step.id.n })} checked={picked.some((x) => same(x, step.id))} onChange={() => toggle(step.id)} />
              </td>
              <td>{s(step.startMs)}</td>
              <td>
                {step.outcome === undefined ? t('requestTrace.open') : step.outcome === 'ok' ? t('requestTrace.ok') : d.reason(step.outcome)}
                {step.isLogin ? ` · ${t('requestTrace.login')}` : ''}
              </td>
              <td>{step.servedBy !== undefined ? labelOf(step.servedBy) : '—'}</td>
              <td>{where(step)}</td>
              <td>
                <button type="button" onClick={() => onShow(step.id)}>{t('requestTrace.show')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
