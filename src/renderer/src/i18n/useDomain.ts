/**
 * The shared tables' words in the student's language, from the `domain` namespace keyed by the
 * tables' ids (kinds.client.label, metrics.errorRate.name, faults.crash.label, reasons.timeout,
 * props.load-balancer.healthCheck.intervalMs.label). An id the namespace lacks reads as itself.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ConnectionVerdict } from '../../../shared/connections';
import { isTargetSelector } from '../../../shared/faults';
import { eventText } from '../../../shared/i18n/eventTexts';
import type { GradeParamFormat } from '../../../shared/i18n/gradeTexts';
import type { RunEvent } from '../../../shared/metrics';

export function domainWords(t: TFunction<'domain'>) {
  const word = (key: string, fallback: string) => t(key, { defaultValue: fallback });
  /** `nodeKind` is a node kind or "edge"; `path` the field's path inside its props. */
  const field = (nodeKind: string, path: readonly string[]) => `props.${nodeKind}.${path.join('.')}`;
  return {
    kind: (kind: string) => word(`kinds.${kind}.label`, kind),
    kindDescription: (kind: string) => word(`kinds.${kind}.description`, ''),
    edgeKind: (kind: string) => word(`edgeKinds.${kind}`, kind),
    metric: (name: string) => word(`metrics.${name}.name`, name),
    metricDescription: (name: string) => word(`metrics.${name}.description`, ''),
    unit: (unit: string) => word(`units.${unit}`, unit),
    fault: (action: string) => word(`faults.${action}.label`, action),
    faultDescription: (action: string) => word(`faults.${action}.description`, ''),
    faultMenu: (action: string) => word(`faults.${action}.menu`, action),
    reason: (reason: string) => word(`reasons.${reason}`, reason),
    /** A wiring issue's sentence (shared/wiring.ts), by the connection it needs. */
    wiring: (issue: { need: string; message: string }) => word(`wiring.${issue.need}`, issue.message),
    /** A fault's target: a node id as it is, a role ('@busiest-service') in words. */
    target: (target: string) => (isTargetSelector(target) ? word(`targets.${target.slice(1)}`, target) : target),
    fieldLabel: (nodeKind: string, path: readonly string[], fallback: string) => word(`${field(nodeKind, path)}.label`, fallback),
    fieldDescription: (nodeKind: string, path: readonly string[], fallback: string | undefined) => word(`${field(nodeKind, path)}.description`, fallback ?? ''),
    option: (nodeKind: string, path: readonly string[], option: string) => word(`${field(nodeKind, path)}.options.${option}`, option),
    /** A refused connection: the rule's own sentence in English, else the refusal's words in this language; `names`: its two nodes as the canvas names them. */
    refusal: (verdict: Extract<ConnectionVerdict, { ok: false }>, names?: { source: string; target: string }) => {
      const values = { from: verdict.from && word(`kinds.${verdict.from}.label`, verdict.from), to: verdict.to && word(`kinds.${verdict.to}.label`, verdict.to), source: names?.source ?? verdict.source, target: names?.target ?? verdict.target };
      const text = t(`refusals.${verdict.refusal}`, { ...values, defaultValue: verdict.reason });
      return verdict.useReplication ? `${text}${t('refusals.useReplication', { defaultValue: '' })}` : text;
    },
  };
}
export type DomainWords = ReturnType<typeof domainWords>;

export function useDomain(): DomainWords {
  const { t } = useTranslation('domain');
  return useMemo(() => domainWords(t), [t]);
}

/**
 * How a grade message's parameters read in the student's language (reportText.ts): a fault action
 * ("crash") by its label ("崩溃"), a node kind by its name; anything else as stored.
 */
export function gradeParamWords(d: TFunction<'domain'>): GradeParamFormat {
  return (name, value) => {
    const text = String(value);
    if (name === 'action') return d(`faults.${text}.label`, { defaultValue: text });
    if (name === 'kind') return d(`kinds.${text}.label`, { defaultValue: text });
    return text;
  };
}

/** The event-log parameters that name nodes (ids, as the simulator logs them); `nodes` is a list. */
const NODE_PARAMS: ReadonlySet<string> = new Set(['node', 'lb', 'target', 'owner', 'clone', 'old', 'leader']);

/**
 * An event-log line in the student's language (shared/i18n/eventTexts.ts), a fault's action by its
 * label in that language (`d`: the domain namespace's t), a node by its name on the canvas (`nameOf`).
 */
export function eventLine(event: RunEvent, locale: string, d?: TFunction<'domain'>, nameOf: (id: string) => string = (id) => id): string {
  // A fault reads by its action and target, not its id (a lab fault's is "lab-crash-1"; the row's tooltip keeps it).
  const shown = event.kind === 'fault' && event.params?.action !== undefined && event.params.target !== undefined ? { ...event, textKey: 'fault.named' as const } : event;
  return eventText(shown, locale, (name, value) => {
    if (name === 'action' && d) return d(`faults.${String(value)}.label`, { defaultValue: String(value) });
    if (name === 'target' && isTargetSelector(String(value)) && d) return d(`targets.${String(value).slice(1)}`, { defaultValue: String(value) });
    if (NODE_PARAMS.has(name)) return nameOf(String(value));
    if (name === 'nodes') return String(value).split(', ').map(nameOf).join(locale === 'zh-CN' ? '、' : ', ');
    return String(value);
  });
}
