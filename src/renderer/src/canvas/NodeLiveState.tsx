import { memo } from 'react';
import { useNodeLive } from '../lab/LiveContext';

/** A node's state at the playback cursor: health, load, sessions, ownership, role and epoch. */
function NodeLiveStateView({ id }: { id: string }) {
  const live = useNodeLive(id);
  if (!live) return null;
  const stats: string[] = [`${live.inFlight} in flight`];
  if (live.queued > 0) stats.push(`${live.queued} queued`);
  if (live.sessionsHeld > 0) stats.push(`${live.sessionsHeld} sessions`);
  if (live.ownedPartitions > 0) stats.push(`${live.ownedPartitions} partitions`);
  if (live.epoch > 0) stats.push(`epoch ${live.epoch}`);
  if (live.clonesUp > 0) stats.push(`+${live.clonesUp} clone${live.clonesUp > 1 ? 's' : ''}`);
  return (
    <div className="sl-node-live" data-testid={`live-${id}`} data-health={live.isUp ? 'up' : 'down'}>
      <span className="sl-health">{live.isUp ? 'up' : 'down'}</span>
      {live.role && <span className="sl-role" data-role={live.role}>{live.role}</span>}
      <span className="sl-live-stats">{stats.join(' · ')}</span>
      {live.sessionsLost > 0 && (
        <span className="sl-lost" data-testid={`sessions-lost-${id}`}>{live.sessionsLost} sessions lost</span>
      )}
    </div>
  );
}

export const NodeLiveState = memo(NodeLiveStateView);
