/**
 * The fields a node's form shows for its current options: its kind's schema fields, less those
 * NODE_FIELD_RULES says do not apply (weights under round-robin), split into the main ones and the
 * advanced ones.
 */
import type { NodeKind } from '../../../shared/graph';
import { NODE_FIELD_RULES, NODE_PROPS_SCHEMAS, parseNodeProps, type FieldRule } from '../../../shared/nodeProps';
import { fieldsOf, type Field } from './schemaFields';

const ALL_FIELDS = Object.fromEntries(Object.entries(NODE_PROPS_SCHEMAS).map(([kind, schema]) => [kind, fieldsOf(schema)])) as Record<NodeKind, Field[]>;

export interface FormFields {
  main: Field[];
  advanced: Field[];
}

export function fieldsFor(kind: NodeKind, props: unknown): FormFields {
  const rules = (NODE_FIELD_RULES[kind] ?? {}) as Record<string, FieldRule<unknown>>;
  const parsed = parseNodeProps(kind, props);
  // Props the schema refuses (a damaged file) hide nothing: every field stays reachable to fix.
  const applies = (f: Field) => {
    const when = rules[f.path.join('.')]?.when;
    return !when || !parsed.ok || when(parsed.props);
  };
  const prune = (fields: Field[]): Field[] => fields.filter(applies).map((f) => (f.type === 'group' ? { ...f, fields: prune(f.fields) } : f));
  const shown = prune(ALL_FIELDS[kind]);
  const isAdvanced = (f: Field) => rules[f.path.join('.')]?.advanced === true;
  return { main: shown.filter((f) => !isAdvanced(f)), advanced: shown.filter(isAdvanced) };
}
