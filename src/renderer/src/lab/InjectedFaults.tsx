import type { Fault } from '../../../shared/scenario';
import { describeFault } from './faultMenu';

/** The faults the student added to the run's scenario, each removable (the run re-simulates). */
export function InjectedFaults({ faults, onRemove }: { faults: Fault[]; onRemove(id: string): void }) {
  return (
    // Focusable: it scrolls when the bench is small, and the keyboard must be able to scroll it.
    <section className="sl-injected" aria-label="Injected faults" tabIndex={0}>
      <h3 className="sl-panel-title">Injected faults</h3>
      {faults.length === 0 ? (
        <p className="sl-muted">Right-click a node or an edge to inject a fault at the cursor.</p>
      ) : (
        <ul>
          {faults.map((f) => (
            <li key={f.id}>
              <span>{describeFault(f)}</span>
              <button type="button" aria-label={`Remove ${describeFault(f)}`} onClick={() => onRemove(f.id!)}>✕</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
