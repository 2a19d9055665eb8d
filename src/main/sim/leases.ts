/**
 * Timer tags of the lease handover between the coordinator and partition owners (a planned move:
 * a member joins and takes partitions from others). The coordinator tells each donor at once; a
 * donor releases and answers; only when every donor has released is the new owner granted the
 * partitions, so a planned move never has two owners. Messages travel as timers delayed by the
 * owner→coordinator link latency, so a paused donor releases only when it resumes.
 */
import { timerTag } from './nodes/timers';

/** At a partition owner: the coordinator's new assignment (a = its version). */
export const T_LEASE_NEWS = timerTag('service', 'lease news');
/** At the coordinator: a donor released what it gave up (a = the donor's node index). */
export const T_RELEASED = timerTag('coordinator', 'partition released');
