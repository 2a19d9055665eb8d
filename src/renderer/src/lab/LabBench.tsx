import { MetricsPanel } from '../run/MetricsPanel';
import { RunBar } from '../run/RunBar';
import { Charts } from './Charts';
import { EventLog } from './EventLog';
import { InjectedFaults } from './InjectedFaults';
import { LabBar } from './LabBar';
import type { Lab } from './useLab';
import './lab.css';

/** Under the canvas: run and playback controls, headline metrics, charts, event log and faults. */
export function LabBench({ lab, canRun }: { lab: Lab; canRun: boolean }) {
  return (
    <div className="sl-labbench">
      <div className="sl-labbench-top">
        <RunBar status={lab.status} canRun={canRun} onRun={() => void lab.runFromStart()} onCancel={lab.cancel} />
        <LabBar lab={lab} />
        <MetricsPanel run={lab.view} />
      </div>
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
