import type { NodeKind } from '../../../shared/graph';

/** How each node kind looks on the canvas and in the palette. */
export const KIND_INFO: Record<NodeKind, { label: string; color: string; icon: string; tooltip: string }> = {
  client: { label: 'Clients', color: '#2563eb', icon: 'M4 18v-1a5 5 0 0 1 10 0v1M9 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M16 11a2.5 2.5 0 1 0 0-5M20 18v-1a4 4 0 0 0-3-3.9', tooltip: 'A population of users sending requests' },
  'load-balancer': { label: 'Load balancer', color: '#7c3aed', icon: 'M12 4v5M12 9l-7 6M12 9l7 6M12 9v6M3 17h4v3H3zM10 17h4v3h-4zM17 17h4v3h-4z', tooltip: 'Spreads requests over instances by a policy' },
  service: { label: 'Service', color: '#0891b2', icon: 'M4 5h16v5H4zM4 14h16v5H4zM7 7.5h.01M7 16.5h.01', tooltip: 'An application instance, stateless or stateful' },
  cache: { label: 'Cache', color: '#d97706', icon: 'M13 3 5 13h6l-1 8 8-10h-6z', tooltip: 'Fast key-value cache in front of the database' },
  'session-store': { label: 'Session store', color: '#db2777', icon: 'M6 10V7a6 6 0 0 1 12 0v3M5 10h14v10H5zM12 14v2', tooltip: 'External store that keeps user sessions' },
  database: { label: 'Database', color: '#059669', icon: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3', tooltip: 'The durable store; may replicate to followers' },
  coordinator: { label: 'Coordinator', color: '#475569', icon: 'M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7zM9 12l2 2 4-4', tooltip: 'Leases and locks with epochs (etcd/ZooKeeper-like)' },
};
