/**
 * The lesson's scenario: duration, seed, background noise, and the faults on a timeline, each with a
 * form the fault table drives (the targets its action takes, its parameters with their defaults).
 * A palette of the table's faults is dragged onto canvas nodes (at the time picked on the timeline)
 * or onto the timeline; pressing a chip adds it at the picked time (the keyboard's way). Scenario
 * edits have their own Undo / Redo (Ctrl+Z / Ctrl+Shift+Z while the tab has focus).
 */
import type { Draft } from 'immer';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FAULT_ACTIONS, FAULTS, faultParamNames, type FaultAction, type FaultParamName, type FaultParams } from '../../../shared/faults';
import { faultId, type Fault, type Scenario } from '../../../shared/scenario';
import { isTyping } from '../editor/shortcuts';
import { useDomain } from '../i18n/useDomain';
import { decodeDrag, defaultDropMs, targetsFor } from './faultDrop';
import { FaultPalette } from './FaultPalette';
import { NoiseSection } from './NoiseSection';
import { StudioTimeline } from './StudioTimeline';
import type { ScenarioEdits } from './useScenarioEdits';
import type { Studio } from './useStudio';
import { useStudioNamer } from './useStudioNamer';
import { VariantsEditor } from './VariantsEditor';

const defaultsOf = (action: FaultAction): Record<string, unknown> => {
  const parsed = FAULTS[action].params.safeParse({});
  return parsed.success ? parsed.data : {};
};

function ParamInput({ action, name, params, onChange }: { action: FaultAction; name: FaultParamName; params: FaultParams | undefined; onChange(value: unknown): void }) {
  const { t } = useTranslation('studio');
  const fallback = defaultsOf(action)[name];
  const value = (params as Record<string, unknown> | undefined)?.[name] ?? fallback;
  const label = t(`params.${name}`);
  if (typeof fallback === 'boolean' || typeof value === 'boolean') {
    return (
      <label className="sl-studio-inline">
        <input type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    );
  }
  if (typeof fallback === 'number' || typeof value === 'number' || fallback === undefined) {
    if (name === 'groups') return null; // partition groups: the target alone against the rest
    if (name === 'version') return <label className="sl-studio-inline">{label} <input value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} /></label>;
    return (
      <label className="sl-studio-inline">
        {label} <input type="number" value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
      </label>
    );
  }
  return (
    <label className="sl-studio-inline">
      {label} <input value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function ScenarioTab({ studio, edits }: { studio: Studio; edits: ScenarioEdits }) {
  const { t } = useTranslation('studio');
  const d = useDomain();
  const nameOf = useStudioNamer(studio.lesson);
  const root = useRef<HTMLDivElement>(null);
  const { focus, takeFocus } = edits;
  useEffect(() => {
    // A dropped fault takes focus once (not again when the tab is shown again): its marker, so
    // Ctrl+Z takes the drop back; or, when its target was guessed, its target picker, which asks.
    if (!focus || !takeFocus(focus.serial)) return;
    const selector = focus.isTargetGuessed ? `[data-testid="fault-row-${focus.index}"] [data-field="target"]` : '.sl-studio-marker';
    const found = root.current?.querySelectorAll<HTMLElement>(selector);
    found?.[focus.isTargetGuessed ? 0 : focus.index]?.focus();
  }, [focus, takeFocus]);
  const entry = studio.lesson;
  const lesson = studio.lessonDoc;
  if (!entry || !lesson) return null;
  const scenario = lesson.scenario as Scenario;
  const faults = scenario.faults ?? [];
  const graph = entry.reference ?? entry.starter;
  const editScenario = edits.edit;
  const editFault = (i: number, recipe: (f: Draft<Fault>) => void, field?: string) => editScenario((s) => recipe(s.faults![i]!), field && `${i}.${field}`);
  const addAt = (atMs: number, action: FaultAction = 'crash') => edits.addAt({ kind: 'new', action }, atMs);
  const onKeyDown = (e: KeyboardEvent) => {
    // Form fields keep their own text undo; elsewhere in the tab the keys undo scenario edits.
    if (isTyping(e.target) || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    const command = key === 'z' ? (e.shiftKey ? edits.redo : edits.undo) : key === 'y' ? edits.redo : undefined;
    if (!command) return;
    e.preventDefault();
    e.stopPropagation(); // not the canvas's undo
    command();
  };
  const pickedMs = edits.pickedMs === undefined ? undefined : Math.min(edits.pickedMs, scenario.durationMs);
  const dropAtMs = pickedMs ?? defaultDropMs(scenario.durationMs);
  return (
    <div className="sl-studio-tab" data-testid="studio-scenario" onKeyDown={onKeyDown} ref={root}>
      <div className="sl-studio-row">
        <label className="sl-studio-inline">
          {t('durationS')} <input type="number" min={1} value={scenario.durationMs / 1000} onChange={(e) => editScenario((s) => void (s.durationMs = Math.max(1, Math.round(Number(e.target.value) * 1000))), 'duration')} />
        </label>
        <label className="sl-studio-inline">
          {t('seed')} <input type="number" min={0} value={scenario.seed} onChange={(e) => editScenario((s) => void (s.seed = Math.max(0, Math.round(Number(e.target.value)))), 'seed')} />
        </label>
        <span className="sl-studio-undo">
          <button type="button" disabled={!edits.canUndo} onClick={edits.undo} title={t('drop.undoHint')}>{t('drop.undo')}</button>
          <button type="button" disabled={!edits.canRedo} onClick={edits.redo}>{t('drop.redo')}</button>
        </span>
      </div>
      <FaultPalette edits={edits} dropAtMs={dropAtMs} isPicked={pickedMs !== undefined} />
      <StudioTimeline
        faults={faults}
        nameOf={nameOf}
        durationMs={scenario.durationMs}
        onMove={(i, atMs) => editFault(i, (f) => void (f.atMs = atMs))}
        pickedMs={pickedMs}
        onPick={edits.setPickedMs}
        onDropChip={(data, atMs) => {
          edits.setDrag(undefined);
          const dragged = decodeDrag(data);
          if (dragged) edits.addAt(dragged, atMs);
        }}
        onMarkerOut={(i) => edits.setDrag(i === undefined || !faults[i] ? undefined : { kind: 'move', index: i, action: faults[i].action })}
        onMarkerDrop={edits.dropMarkerAt}
      />
      <button type="button" onClick={() => addAt(dropAtMs)}>{t('addFault')}</button>
      <ul className="sl-studio-faults">
        {faults.map((fault, i) => (
          <li key={i} data-testid={`fault-row-${i}`} className={focus?.index === i ? 'is-new' : undefined}>
            <div className="sl-studio-row">
              <label className="sl-studio-inline">
                {t('faultId')} <input value={fault.id ?? ''} placeholder={faultId(fault, i)} onChange={(e) => editFault(i, (f) => void (f.id = e.target.value || undefined), 'id')} />
              </label>
              <label className="sl-studio-inline">
                {t('action')}{' '}
                <select
                  value={fault.action}
                  onChange={(e) =>
                    editFault(i, (f) => {
                      const action = e.target.value as FaultAction;
                      f.action = action;
                      f.params = undefined;
                      if (!targetsFor(action, graph).includes(f.target)) f.target = targetsFor(action, graph)[0] ?? f.target;
                    })
                  }
                >
                  {FAULT_ACTIONS.map((a) => (
                    <option key={a} value={a}>{d.fault(a)}</option>
                  ))}
                </select>
              </label>
              <label className="sl-studio-inline">
                {t('target')}{' '}
                <select data-field="target" value={fault.target} onChange={(e) => editFault(i, (f) => void (f.target = e.target.value))}>
                  {[...new Set([fault.target, ...targetsFor(fault.action, graph)])].map((id) => (
                    // Named as the canvas names the node; the id (what the scenario file says) in the tooltip.
                    <option key={id} value={id} title={id}>{d.target(nameOf(id))}</option>
                  ))}
                </select>
              </label>
              <label className="sl-studio-inline">
                {t('atS')} <input type="number" min={0} step={0.1} value={fault.atMs / 1000} onChange={(e) => editFault(i, (f) => void (f.atMs = Math.max(0, Math.round(Number(e.target.value) * 1000))), 'atMs')} />
              </label>
              <button type="button" className="sl-link" onClick={() => editScenario((s) => void s.faults!.splice(i, 1))}>{t('remove')}</button>
            </div>
            <p className="sl-muted">{d.faultDescription(fault.action)}</p>
            <div className="sl-studio-row">
              {(faultParamNames(fault.action) as FaultParamName[]).map((name) => (
                <ParamInput
                  key={name}
                  action={fault.action}
                  name={name}
                  params={fault.params}
                  onChange={(value) =>
                    editFault(i, (f) => {
                      const params = { ...(f.params ?? {}) } as Record<string, unknown>;
                      if (value === undefined) delete params[name];
                      else params[name] = value;
                      f.params = Object.keys(params).length > 0 ? (params as FaultParams) : undefined;
                    }, name)
                  }
                />
              ))}
            </div>
          </li>
        ))}
      </ul>
      <NoiseSection noise={scenario.noise} editScenario={(recipe) => editScenario(recipe, 'noise')} />
      <VariantsEditor studio={studio} />
    </div>
  );
}
