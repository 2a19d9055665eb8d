/**
 * What the studio's window pickers call a scenario fault: its action and its target as the event
 * log and the lab's injected faults say it ("Crash on API 2", "对 API 实例 2 施加“崩溃”"), from the
 * same sentence (`fault.named`, shared/i18n/eventTexts.ts) without its full stop; the time is added
 * only where two faults would read alike ("Crash on API 2 at 12.0 s"). The fault's id (what the
 * checks' windows store) stays in tooltips.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../shared/scenario';
import { faultId, type Fault } from '../../../shared/scenario';
import { formatSeconds } from '../i18n/format';
import { eventLine } from '../i18n/useDomain';

/** "Crash on API 2" (the event log's sentence without its closing stop). */
export function faultPhrase(fault: Pick<Fault, 'action' | 'target' | 'atMs'>, locale: string, d: TFunction<'domain'>, nameOf: (id: string) => string): string {
  const line = eventLine({ atMs: fault.atMs, kind: 'fault', textKey: 'fault.named', message: `${fault.action} ${fault.target}`, params: { action: fault.action, target: fault.target } }, locale, d, nameOf);
  return line.replace(/[.。]$/, '');
}

/**
 * A namer over a scenario's faults by id; `at(phrase, time)` words a fault with its time (the
 * studio's `faultAt`), used where two faults share action and target. An id the scenario lacks reads as itself.
 */
export function faultNamer(faults: Scenario['faults'], locale: string, d: TFunction<'domain'>, nameOf: (id: string) => string, at: (phrase: string, time: string) => string): (id: string) => string {
  const list = faults ?? [];
  const phrases = list.map((f) => faultPhrase(f, locale, d, nameOf));
  const byId = new Map<string, string>();
  list.forEach((f: Fault, i) => {
    const phrase = phrases[i]!;
    const isShared = phrases.filter((p) => p === phrase).length > 1;
    byId.set(faultId(f, i), isShared ? at(phrase, formatSeconds(f.atMs, locale)) : phrase);
  });
  return (id) => byId.get(id) ?? id;
}

/** The namer for the lesson being edited, in the app's language (nodes as the canvas names them: useStudioNamer). */
export function useFaultNamer(faults: Scenario['faults'], nameOf: (id: string) => string): (id: string) => string {
  const { t, i18n } = useTranslation('studio');
  const { t: d } = useTranslation('domain');
  return useMemo(() => faultNamer(faults, i18n.language, d, nameOf, (fault, time) => t('faultAt', { fault, time })), [faults, i18n.language, d, nameOf, t]);
}
