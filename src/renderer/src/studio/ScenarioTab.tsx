/**
 * The lesson's scenario: duration, seed, background noise, and the faults on a timeline, each with a
 * form the fault table drives (the targets its action takes, its parameters with their defaults).
 */
import type { Draft } from 'immer';
import { useTranslation } from 'react-i18next';
import { FAULT_ACTIONS, FAULTS, faultParamNames, type FaultAction, type FaultParamName, type FaultParams } from '../../../shared/faults';
import type { Graph } from '../../../shared/graph';
import { faultId, type Fault, type Scenario } from '../../../shared/scenario';
import { useDomain } from '../i18n/useDomain';
import { NoiseSection } from './NoiseSection';
import { StudioTimeline } from './StudioTimeline';
import type { Studio } from './useStudio';
import { VariantsEditor } from './VariantsEditor';

/** The nodes (or, for link-loss, edges too) an action may target on `graph`. */
export function targetsFor(action: FaultAction, graph: Graph): string[] {
  const spec = FAULTS[action].target;
  const nodes = graph.nodes.filter((n) => spec.nodeKinds === 'any' || spec.nodeKinds.includes(n.kind)).map((n) => n.id);
  return spec.isEdgeAllowed ? [...nodes, ...graph.edges.map((e) => e.id)] : nodes;
}


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

export function ScenarioTab({ studio }: { studio: Studio }) {
  const { t } = useTranslation('studio');
  const d = useDomain();
  const entry = studio.lesson;
  const lesson = studio.lessonDoc;
  if (!entry || !lesson) return null;
  const scenario = lesson.scenario as Scenario;
  const faults = scenario.faults ?? [];
  const graph = entry.reference ?? entry.starter;
  const editScenario = (recipe: (s: Draft<Scenario>) => void) => studio.editLesson((l) => recipe(l.scenario as Draft<Scenario>));
  const editFault = (i: number, recipe: (f: Draft<Fault>) => void) => editScenario((s) => recipe(s.faults![i]!));
  const addFault = (atMs: number) =>
    editScenario((s) => {
      const action: FaultAction = 'crash';
      const target = targetsFor(action, entry.starter)[0] ?? '';
      const used = new Set((s.faults ?? []).map((f, i) => faultId(f, i)));
      let id: string = action;
      for (let n = 2; used.has(id); n++) id = `${action}-${n}`;
      (s.faults ??= []).push({ id, atMs, action, target });
    });
  return (
    <div className="sl-studio-tab" data-testid="studio-scenario">
      <div className="sl-studio-row">
        <label className="sl-studio-inline">
          {t('durationS')} <input type="number" min={1} value={scenario.durationMs / 1000} onChange={(e) => editScenario((s) => void (s.durationMs = Math.max(1, Math.round(Number(e.target.value) * 1000))))} />
        </label>
        <label className="sl-studio-inline">
          {t('seed')} <input type="number" min={0} value={scenario.seed} onChange={(e) => editScenario((s) => void (s.seed = Math.max(0, Math.round(Number(e.target.value)))))} />
        </label>
      </div>
      <StudioTimeline faults={faults} durationMs={scenario.durationMs} onMove={(i, atMs) => editFault(i, (f) => void (f.atMs = atMs))} onAdd={addFault} />
      <button type="button" onClick={() => addFault(Math.round(scenario.durationMs / 3 / 1000) * 1000)}>{t('addFault')}</button>
      <ul className="sl-studio-faults">
        {faults.map((fault, i) => (
          <li key={i} data-testid={`fault-row-${i}`}>
            <div className="sl-studio-row">
              <label className="sl-studio-inline">
                {t('faultId')} <input value={fault.id ?? ''} placeholder={faultId(fault, i)} onChange={(e) => editFault(i, (f) => void (f.id = e.target.value || undefined))} />
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
                <select value={fault.target} onChange={(e) => editFault(i, (f) => void (f.target = e.target.value))}>
                  {[...new Set([fault.target, ...targetsFor(fault.action, graph)])].map((id) => (
                    <option key={id} value={id}>{id}</option>
                  ))}
                </select>
              </label>
              <label className="sl-studio-inline">
                {t('atS')} <input type="number" min={0} step={0.1} value={fault.atMs / 1000} onChange={(e) => editFault(i, (f) => void (f.atMs = Math.max(0, Math.round(Number(e.target.value) * 1000))))} />
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
                    })
                  }
                />
              ))}
            </div>
          </li>
        ))}
      </ul>
      <NoiseSection noise={scenario.noise} editScenario={editScenario} />
      <VariantsEditor studio={studio} />
    </div>
  );
}
