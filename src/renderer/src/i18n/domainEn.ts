/**
 * The `domain` namespace in English, derived from the shared tables (node kinds, props schemas,
 * metric catalogue, faults, failure reasons), so the English UI cannot drift from them. The
 * tables keep their English for the CLI; the renderer shows them through these keys.
 */
import { WIRING_RULES } from '../../../shared/wiring';
import { EDGE_KINDS, EdgePropsSchema } from '../../../shared/graph';
import { FAULTS, TARGET_SELECTORS } from '../../../shared/faults';
import { FAILURE_REASONS } from '../../../shared/failureReasons';
import { METRICS, RUN_EVENT_KINDS } from '../../../shared/metrics';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';
import { NODE_PROPS_SCHEMAS } from '../../../shared/nodeProps';
import { fieldsOf, optionLabelOf, type Field } from '../properties/schemaFields';

type Tree = { [key: string]: string | Tree };

const EDGE_KIND_WORDS: Record<(typeof EDGE_KINDS)[number], string> = { request: 'requests', replication: 'replication' };
const UNIT_WORDS: Record<string, string> = { count: 'count', fraction: 'fraction', ms: 'ms', 'per-second': 'per second', ratio: 'ratio', partitions: 'partitions', 'req/s': 'req/s' };

/** A props form's texts, keyed by the field's path: label, description and enum options. */
function fieldTexts(fields: Field[], into: Tree): Tree {
  for (const f of fields) {
    const entry: Tree = { label: f.label };
    if (f.description) entry.description = f.description;
    if (f.type === 'enum') entry.options = Object.fromEntries(f.options.map((o) => [o, optionLabelOf(o)]));
    if (f.type === 'group') fieldTexts(f.fields, entry);
    into[f.key] = entry;
  }
  return into;
}

export function domainEn(): Tree {
  const map = <T extends object>(table: T, pick: (value: T[keyof T], key: string) => string | Tree): Tree =>
    Object.fromEntries(Object.entries(table).map(([key, value]) => [key, pick(value as T[keyof T], key)]));
  return {
    kinds: map(NODE_KIND_SPECS, (s) => ({ label: s.label, description: s.description })),
    props: { ...map(NODE_PROPS_SCHEMAS, (schema) => fieldTexts(fieldsOf(schema), {})), edge: fieldTexts(fieldsOf(EdgePropsSchema), {}) },
    edgeKinds: { ...EDGE_KIND_WORDS },
    metrics: map(METRICS, (m) => ({ name: m.label, description: m.description })),
    units: { ...UNIT_WORDS },
    faults: map(FAULTS, (f) => ({ label: f.label, description: f.description, ...(f.menu ? { menu: f.menu.label } : {}) })),
    reasons: map(FAILURE_REASONS, (r) => r.label),
    // Fault targets that name a role ('@busiest-service'), keyed without the '@'.
    targets: Object.fromEntries(Object.entries(TARGET_SELECTORS).map(([k, s]) => [k.slice(1), s.label])),
    events: Object.fromEntries(RUN_EVENT_KINDS.map((k) => [k, k.replace(/-/g, ' ')])),
    wiring: Object.fromEntries(WIRING_RULES.map((r) => [r.need, r.message])),
  };
}
