/**
 * Background noise a scenario can turn on (off by default): seeded GC-like pauses per node kind,
 * latency tails on links, and lost connection openings (handshakes). Real failure detectors see all
 * three and sometimes suspect a node that is only slow or whose probe was unlucky; lessons use noise
 * so that a detector tuned to its extreme shows that price. The simulator draws noise from streams
 * of its own (src/main/sim/noise.ts), derived from the run's seed and the node or edge id, so
 * turning noise on never shifts a node's own random stream.
 */
import { z } from 'zod';
import { NODE_KINDS } from './graph';

/** Upper bounds that keep a noisy run's event count bounded. */
export const NOISE_LIMITS = { pausesPerMinuteMax: 600, pauseMsMax: 600_000, tailMsMax: 60_000, handshakeLossMax: 0.5, handshakeRetryMsMax: 60_000 } as const;

export const PauseNoiseSchema = z
  .object({
    /** Mean pauses per minute on each node of the kind (Poisson arrivals). */
    perMinute: z.number().min(0).max(NOISE_LIMITS.pausesPerMinuteMax).describe('Mean pauses per minute on each node of this kind'),
    /** Mean length of a pause (exponentially distributed). */
    durationMsMean: z.number().min(0).max(NOISE_LIMITS.pauseMsMax).describe('Mean pause length (ms)'),
    /** Longest pause: longer draws are cut to this. */
    durationMsMax: z.number().min(0).max(NOISE_LIMITS.pauseMsMax).describe('Longest pause (ms)'),
  })
  .strict();
export type PauseNoise = z.infer<typeof PauseNoiseSchema>;

export const LinkTailSchema = z
  .object({
    /** Chance that a message on any link is delayed by a tail. */
    probability: z.number().min(0).max(1).describe('Chance that a message is delayed'),
    /** Mean extra delay of a delayed message (exponentially distributed). */
    extraMsMean: z.number().min(0).max(NOISE_LIMITS.tailMsMax).describe('Mean extra delay (ms)'),
    /** Longest extra delay: longer draws are cut to this. */
    extraMsMax: z.number().min(0).max(NOISE_LIMITS.tailMsMax).describe('Longest extra delay (ms)'),
  })
  .strict();
export type LinkTail = z.infer<typeof LinkTailSchema>;

export const HandshakeLossSchema = z
  .object({
    /** Chance that a new connection's opening (the SYN or its answer) is lost and must be sent again. */
    probability: z.number().min(0).max(NOISE_LIMITS.handshakeLossMax).describe('Chance that a new connection\'s opening is lost'),
    /** Wait before a lost opening is sent again (TCP's initial retransmission timeout, 1 s; doubled at each further loss). */
    retryMs: z.number().min(1).max(NOISE_LIMITS.handshakeRetryMsMax).describe('Wait before a lost opening is sent again (ms)'),
  })
  .strict();
export type HandshakeLoss = z.infer<typeof HandshakeLossSchema>;

export const NoiseSchema = z
  .object({
    /** GC-like pauses per node kind: a paused node handles nothing (probes and renewals included) until it resumes. */
    pauses: z.partialRecord(z.enum(NODE_KINDS), PauseNoiseSchema).default({}),
    /** Latency tails on every link (request and replication). */
    linkTails: LinkTailSchema.optional(),
    /**
     * Lost connection openings. A health probe opens a new connection each time (as HAProxy's, a
     * cloud balancer's or the kubelet's HTTP checks do), so a lost opening delays it by the retry
     * wait, and a probe whose timeout is shorter fails although its target is fine: one such probe
     * now and then is why detectors wait for several failures. A long-lived client's reconnection
     * opens a new connection too and pays it (src/main/sim/nodes/clientConnections.ts); requests ride
     * connections already open.
     */
    handshakeLoss: HandshakeLossSchema.optional(),
  })
  .strict();
export type Noise = z.output<typeof NoiseSchema>;
