/**
 * What a request is waiting for at a service instance (calls.stage), and the instance's timers.
 * Shared by service.ts and the files that hold its concepts (serviceSessions.ts, serviceOwner.ts,
 * serviceConnections.ts), which take the node as their first argument.
 */
import { timerTag } from './timers';

export const T_WORK = timerTag('service', 'work done');
export const T_READY = timerTag('service', 'finished starting');
export const T_RENEW = timerTag('service', 'lease renewal');

/** Checking the session in the session store. */
export const STAGE_SESSION = 1;
/** The instance's own work (service time, or a connection's handshake). */
export const STAGE_COMPUTE = 2;
/** Reading through the cache behind it. */
export const STAGE_CACHE = 3;
/** Reading or writing the database. */
export const STAGE_DB = 4;
/** Reading the database after a cache miss, to fill the cache. */
export const STAGE_DB_FILL = 5;
/** Calling the service or balancer behind it. */
export const STAGE_DOWNSTREAM = 6;
/** Refreshing an expired signed token. */
export const STAGE_REFRESH = 7;
/** Forwarded to the key's owner. */
export const STAGE_FORWARD = 8;
/** Loading a moved key's state from the database before serving it. */
export const STAGE_LOAD = 9;
