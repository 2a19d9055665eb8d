/**
 * One chip per action of the fault table (a new action gets its chip with no code here), saying
 * what it may be dropped on. Drag a chip onto a canvas node (or a link, for an action that takes
 * one) or onto the timeline; press it to add the fault at the picked time.
 */
import { useTranslation } from 'react-i18next';
import { formatSeconds } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { encodeDrag, FAULT_MIME, FAULT_PALETTE, type ChipTargets } from './faultDrop';
import type { ScenarioEdits } from './useScenarioEdits';

interface Props {
  edits: ScenarioEdits;
  /** Where a pressed chip (or a canvas drop) lands. */
  dropAtMs: number;
  /** True when that time was picked on the timeline (else it is the default). */
  isPicked: boolean;
}

export function FaultPalette({ edits, dropAtMs, isPicked }: Props) {
  const { t, i18n } = useTranslation('studio');
  const d = useDomain();
  const targetWords = (targets: ChipTargets) => {
    switch (targets.kind) {
      case 'any-node':
        return t('drop.anyNode');
      case 'node-or-link':
        return t('drop.nodeOrLink');
      case 'ignored':
        return t('drop.noTarget');
      case 'kinds':
        return new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(targets.nodeKinds.map((k) => d.kind(k)));
    }
  };
  const time = formatSeconds(dropAtMs, i18n.language);
  return (
    <section className="sl-fault-palette" aria-label={t('drop.palette')} data-testid="fault-palette">
      <p className="sl-muted">{t(isPicked ? 'drop.helpPicked' : 'drop.helpDefault', { time })}</p>
      <div className="sl-fault-chips">
        {FAULT_PALETTE.map(({ action, targets }) => {
          const on = targetWords(targets);
          return (
            <button
              type="button"
              key={action}
              draggable
              className={`sl-fault-chip${edits.drag?.kind === 'new' && edits.drag.action === action ? ' is-dragged' : ''}`}
              data-testid={`fault-chip-${action}`}
              data-action={action}
              title={`${d.faultDescription(action)}\n${t('drop.targets', { on })}`}
              aria-label={t('drop.chipLabel', { fault: d.fault(action), on, time })}
              onDragStart={(e) => {
                e.dataTransfer.setData(FAULT_MIME, encodeDrag({ kind: 'new', action }));
                e.dataTransfer.effectAllowed = 'copy';
                edits.setDrag({ kind: 'new', action });
              }}
              onDragEnd={() => edits.setDrag(undefined)}
              onClick={() => edits.addAt({ kind: 'new', action }, dropAtMs)}
            >
              {d.fault(action)} <small>{on}</small>
            </button>
          );
        })}
      </div>
    </section>
  );
}
