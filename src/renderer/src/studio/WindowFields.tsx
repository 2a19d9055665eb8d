/**
 * A window of a run as checks and predictions name it: the whole run, from … to … (anchors at the
 * start, the end or a fault of the scenario, with an offset in ms), or before / during / after a fault.
 */
import { useTranslation } from 'react-i18next';
import type { CheckWindow } from '../../../shared/checks';

type WindowKind = 'whole' | 'range' | 'before' | 'during' | 'after';
const WINDOW_KINDS: readonly WindowKind[] = ['whole', 'range', 'before', 'during', 'after'];

const windowKind = (w: CheckWindow | undefined): WindowKind => (!w ? 'whole' : 'before' in w ? 'before' : 'during' in w ? 'during' : 'after' in w ? 'after' : 'range');

/** "fault:crash+2000" → ["fault:crash", 2000]. */
const splitAnchor = (anchor: string): [string, number] => {
  const m = /^(.*?)([+-]\d+)?$/.exec(anchor);
  return [m?.[1] ?? anchor, m?.[2] ? Number(m[2]) : 0];
};
const joinAnchor = (base: string, offset: number) => (offset ? `${base}${offset > 0 ? '+' : ''}${offset}` : base);

/** A fault by its id, as the studio names it (faultName.ts: "Crash on API 2"). */
type FaultNameOf = (id: string) => string;
const asItself: FaultNameOf = (id) => id;

function AnchorInput({ label, value, faultIds, faultName, onChange, testId }: { label: string; value: string; faultIds: string[]; faultName: FaultNameOf; onChange(v: string): void; testId: string }) {
  const { t } = useTranslation('studio');
  const [base, offset] = splitAnchor(value);
  const bases = ['start', ...faultIds.map((id) => `fault:${id}`), 'end'];
  return (
    <span className="sl-studio-inline" data-testid={testId}>
      {label}{' '}
      <select aria-label={label} value={base} onChange={(e) => onChange(joinAnchor(e.target.value, offset))}>
        {[...new Set([base, ...bases])].map((b) => (
          <option key={b} value={b} title={b}>{b === 'start' ? t('runStart') : b === 'end' ? t('runEnd') : t('whenFault', { fault: faultName(b.slice(6)) })}</option>
        ))}
      </select>
      <input type="number" step={100} aria-label={t('offsetMs', { what: label })} value={offset} onChange={(e) => onChange(joinAnchor(base, Math.round(Number(e.target.value))))} /> {t('ms')}
    </span>
  );
}

/** A window of a run: whole, from … to …, or before / during / after one of the scenario's faults. */
export function WindowFields({ window, faultIds, faultName = asItself, onChange, testId = 'window' }: { window: CheckWindow | undefined; faultIds: string[]; faultName?: FaultNameOf; onChange(next: CheckWindow | undefined): void; testId?: string }) {
  const { t } = useTranslation('studio');
  const kind = windowKind(window);
  const firstFault = faultIds[0] ?? '';
  return (
    <div className="sl-studio-row">
      <label className="sl-studio-inline">
        {t('window')}{' '}
        <select
          data-testid={`${testId}-kind`}
          value={kind}
          onChange={(e) => {
            const next = e.target.value as WindowKind;
            onChange(next === 'whole' ? undefined : next === 'range' ? { from: firstFault ? `fault:${firstFault}` : 'start', to: 'end' } : ({ [next]: firstFault } as CheckWindow));
          }}
        >
          {WINDOW_KINDS.map((k) => (
            <option key={k} value={k}>{t(`windowKinds.${k}`)}</option>
          ))}
        </select>
      </label>
      {window && 'from' in window && (
        <>
          <AnchorInput label={t('from')} testId={`${testId}-from`} value={window.from ?? 'start'} faultIds={faultIds} faultName={faultName} onChange={(v) => onChange({ ...(window as { from: string; to: string }), from: v })} />
          <AnchorInput label={t('to')} testId={`${testId}-to`} value={window.to ?? 'end'} faultIds={faultIds} faultName={faultName} onChange={(v) => onChange({ ...(window as { from: string; to: string }), to: v })} />
        </>
      )}
      {window && kind !== 'range' && kind !== 'whole' && (
        <select aria-label={t('fault')} data-testid={`${testId}-fault`} title={(window as Record<string, string>)[kind]} value={(window as Record<string, string>)[kind]} onChange={(e) => onChange({ [kind]: e.target.value } as CheckWindow)}>
          {/* Named as the event log names the fault; its id (what the check's window stores) in the tooltip. */}
          {faultIds.map((id) => (
            <option key={id} value={id} title={id}>{faultName(id)}</option>
          ))}
        </select>
      )}
    </div>
  );
}
