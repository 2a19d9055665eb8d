/**
 * The dashboard's two charts, drawn as plain elements with their numbers written out: readable by a
 * screen reader, reachable by keyboard (a check's bar is a button that lists who did not pass it).
 */
import type { CheckStat, LessonStats } from '../../../shared/classStats';
import { useClassStrings } from './strings';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function ScoreHistogram({ stats }: { stats: LessonStats }) {
  const t = useClassStrings();
  const most = Math.max(1, ...stats.scoreCounts);
  return (
    <figure className="sl-class-figure">
      <figcaption>{t('scoreDistribution')}</figcaption>
      <div className="sl-histogram" role="list" aria-label={t('scoreDistribution')}>
        {stats.scoreCounts.map((count, score) => (
          <div key={score} className="sl-histogram-col" role="listitem" aria-label={`${score}/${stats.maxScore}: ${count}`} data-score={score}>
            <span className="sl-histogram-count">{count || ''}</span>
            <span className="sl-histogram-bar" style={{ height: `${(count / most) * 100}%` }} />
            <span className="sl-histogram-label">{score}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

/** `titleOf`: the check's title in the app's language; the tooltip adds its id (and the whole title when ellipsised). */
export function PassRateBars({ checks, titleOf, selected, onSelect }: { checks: CheckStat[]; titleOf(checkId: string): string; selected?: string; onSelect(checkId: string): void }) {
  const t = useClassStrings();
  return (
    <figure className="sl-class-figure">
      <figcaption>{t('passRate')}</figcaption>
      <ul className="sl-pass-bars">
        {checks.map((c, i) => (
          <li key={c.checkId} data-check={c.checkId}>
            {c.isObservation ? (
              // Worth no points: the grades say nothing about whether it held, so no bar and no list of who "failed".
              <div className="sl-pass-bar is-observation">
                <span className="sl-pass-name" title={`${titleOf(c.checkId)} (${c.checkId})`}>
                  {i + 1}. {titleOf(c.checkId)}
                </span>
                <span className="sl-pass-value sl-muted" data-testid={`pass-rate-${c.checkId}`} title={t('observationHint')}>
                  {t('observation')}
                </span>
              </div>
            ) : (
              <button type="button" className={`sl-pass-bar${selected === c.checkId ? ' is-selected' : ''}`} aria-pressed={selected === c.checkId} onClick={() => onSelect(c.checkId)}>
                <span className="sl-pass-name" title={`${titleOf(c.checkId)} (${c.checkId})`}>
                  {i + 1}. {titleOf(c.checkId)}
                </span>
                <span className="sl-pass-track">
                  <span className="sl-pass-fill" style={{ width: `${percent(c.passed, c.total)}%` }} />
                </span>
                <span className="sl-pass-value" data-testid={`pass-rate-${c.checkId}`}>
                  {c.passed}/{c.total} ({percent(c.passed, c.total)}%)
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
