import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import { useNodeLive } from '../lab/LiveContext';

/** A node's state at the playback cursor: health, load, sessions, ownership, role and epoch. */
function NodeLiveStateView({ id }: { id: string }) {
  const live = useNodeLive(id);
  const { t } = useTranslation('canvas');
  if (!live) return null;
  const stats: string[] = [t('inFlight', { count: live.inFlight })];
  if (live.queued > 0) stats.push(t('queued', { count: live.queued }));
  if (live.sessionsHeld > 0) stats.push(t('sessions', { count: live.sessionsHeld }));
  if (live.ownedPartitions > 0) stats.push(t('partitions', { count: live.ownedPartitions }));
  if (live.epoch > 0) stats.push(t('epoch', { epoch: live.epoch }));
  if (live.clonesUp > 0) stats.push(t('clones', { count: live.clonesUp }));
  return (
    <div className="sl-node-live" data-testid={`live-${id}`} data-health={live.isUp ? 'up' : 'down'}>
      <span className="sl-health">{live.isUp ? t('up') : t('down')}</span>
      {live.role && <span className="sl-role" data-role={live.role}>{t(`roles.${live.role}`, { defaultValue: live.role })}</span>}
      {/* Each figure keeps its number with its word ("纪元 1" broke after 纪元); the line breaks between figures. */}
      <span className="sl-live-stats">
        {stats.map((stat, i) => (
          <span key={i}>
            {i > 0 && ' · '}
            <span className="sl-live-stat">{stat}</span>
          </span>
        ))}
      </span>
      {live.sessionsLost > 0 && (
        <span className="sl-lost" data-testid={`sessions-lost-${id}`}>{t('sessionsLost', { count: live.sessionsLost })}</span>
      )}
    </div>
  );
}

export const NodeLiveState = memo(NodeLiveStateView);
