/**
 * The M/M/c benchmark model on the js-simulator package (a general-purpose discrete-event
 * scheduler): the same arrivals and service times as bareMmc, drawn from the same streams, one
 * SimEvent per arrival chain and per service completion. A point of comparison with a published
 * library, not a second simulator.
 */
import { Rng } from '../src/main/sim/rng';

interface JsSimEvent {
  time: number;
  update: (deltaTime: number) => void;
}
interface JsScheduler {
  scheduleOnceIn(evt: JsSimEvent, deltaTime: number): void;
  hasEvents(): boolean;
  update(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package without types
const jssim = require('js-simulator') as { Scheduler: new () => JsScheduler; SimEvent: new (rank?: number) => JsSimEvent };

/** M/M/c on js-simulator: returns completed requests and the mean queueing delay (ms). */
export function jsSimulatorMmc(c: number, utilisation: number, serviceMs: number, requests: number, seed: number): { done: number; meanWaitMs: number } {
  const rngA = new Rng(seed);
  const rngS = new Rng(seed ^ 0x5bd1e995);
  const meanGapUs = (serviceMs * 1000) / (utilisation * c);
  const serviceUs = serviceMs * 1000;
  const scheduler = new jssim.Scheduler();
  const queue: number[] = [];
  let qHead = 0;
  let busy = 0;
  let issued = 0;
  let done = 0;
  let waitSum = 0;
  const serve = (arrivedUs: number, nowUs: number) => {
    waitSum += nowUs - arrivedUs;
    const departure = new jssim.SimEvent(1);
    departure.update = () => {
      done++;
      if (qHead < queue.length) serve(queue[qHead++]!, departure.time);
      else busy--;
    };
    scheduler.scheduleOnceIn(departure, Math.round(rngS.exp(serviceUs)));
  };
  const arrival = new jssim.SimEvent(1);
  arrival.update = () => {
    const now = arrival.time;
    issued++;
    if (issued < requests) scheduler.scheduleOnceIn(arrival, Math.max(1, Math.round(rngA.exp(meanGapUs))));
    if (busy < c) {
      busy++;
      serve(now, now);
    } else queue.push(now);
  };
  scheduler.scheduleOnceIn(arrival, Math.round(rngA.exp(meanGapUs)));
  while (scheduler.hasEvents()) scheduler.update();
  return { done, meanWaitMs: waitSum / done / 1000 };
}
