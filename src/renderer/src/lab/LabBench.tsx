import { useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { Graph } from '../../../shared/graph';
import { MetricsPanel } from './MetricsPanel';
import { RunBar } from './RunBar';
import { Charts } from './Charts';
import { CompareDialog } from './CompareDialog';
import { EventLog } from './EventLog';
import { InjectedFaults } from './InjectedFaults';
import { LabBar } from './LabBar';
import type { Lab } from './useLab';
import './lab.css';

/** Under the canvas: run and playback controls, headline metrics, charts, event log and faults. */
export function LabBench({ api, lab, graph, locked = [] }: { api: StateLabApi; lab: Lab; graph: Graph; /** The lesson's locked nodes; Compare offers only that lesson's designs. */ locked?: readonly string[] }) {
  const [isComparing, setComparing] = useState(false);
  // Charts can fold away to give a small screen's height back to the canvas.
  const [isCollapsed, setCollapsed] = useState(false);
  return (
    <div className={`sl-labbench${isCollapsed ? ' is-collapsed' : ''}`}>
      <div className="sl-labbench-top">
        <RunBar status={lab.status} canRun={graph.nodes.length > 0} onRun={() => void lab.runFromStart()} onCancel={lab.cancel} />
        <LabBar lab={lab} />
        <MetricsPanel run={lab.view} />
        <button type="button" onClick={() => setComparing(true)} disabled={graph.nodes.length === 0} title="Run this design and a saved variant under the same seed and faults">
          Compare…
        </button>
        {lab.run && (
          <button type="button" aria-expanded={!isCollapsed} onClick={() => setCollapsed((c) => !c)}>
            {isCollapsed ? 'Show charts' : 'Hide charts'}
          </button>
        )}
      </div>
      {isComparing && <CompareDialog api={api} graph={graph} scenario={lab.scenario} locked={locked} onClose={() => setComparing(false)} />}
      {lab.run && (
        <div className="sl-labbench-panels">
          <Charts run={lab.run} cursorMs={lab.cursorMs} />
          <div className="sl-labbench-side">
            <EventLog run={lab.run} cursorMs={lab.cursorMs} onSeek={lab.seek} />
            <InjectedFaults faults={lab.injected} onRemove={(id) => void lab.remove(id)} />
          </div>
        </div>
      )}
    </div>
  );
}
