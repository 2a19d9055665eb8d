import { useTranslation } from 'react-i18next';
import { memo, useMemo, type ReactNode } from 'react';
import { checkConnection } from '../../../shared/connections';
import { EDGE_KINDS, EdgePropsSchema, GRAPH_LIMITS, type EdgeKind, type Graph, type GraphEdge, type GraphNode } from '../../../shared/graph';
import { formatPath } from '../../../shared/json';
import { parseNodeProps } from '../../../shared/nodeProps';
import { wiringIssuesByNode } from '../../../shared/wiring';
import { useNodeNamer } from '../i18n/nodeNames';
import { useDomain, type DomainWords } from '../i18n/useDomain';
import { setEdge, setNodeLabel, setNodeProps } from '../editor/commands';
import type { Selection } from '../editor/flowView';
import type { Editor } from '../editor/useEditor';
import { TYPING_SESSION } from '../editor/history';
import { FieldInput } from './FieldInput';
import { fieldsFor } from './fieldsFor';
import { FieldOwnerContext } from './invalidFields';
import { fieldsOf, valueAt, withValue, type Field } from './schemaFields';

const EDGE_FIELDS = fieldsOf(EdgePropsSchema);

/** A form's fields in the student's language: labels, descriptions and options from the domain namespace (`scope` is the node kind, or "edge"). */
function localized(fields: Field[], scope: string, d: DomainWords): Field[] {
  return fields.map((f): Field => {
    const base = { ...f, label: d.fieldLabel(scope, f.path, f.label), description: d.fieldDescription(scope, f.path, f.description) || undefined };
    if (base.type === 'enum') return { ...base, optionLabels: Object.fromEntries(base.options.map((o) => [o, d.option(scope, f.path, o)])) };
    if (base.type === 'group') return { ...base, fields: localized(base.fields, scope, d) };
    return base;
  });
}

/** The first schema problem at or under `path`, else the first problem at all, worded for a student. */
function problemAt(issues: readonly { path: PropertyKey[]; message: string }[], path: readonly string[]): string | undefined {
  const mine = issues.find((i) => path.every((p, n) => i.path[n] === p)) ?? issues[0];
  return mine && `${mine.message.replace(/^Invalid input: /, '')}${mine.path.length > path.length ? ` (${formatPath(mine.path)})` : ''}`;
}

/** Proposes a field's value (`typing`: the focus of the text field it was typed in); returns the problem if refused. */
type Propose = (field: Field, v: unknown, numberMeans?: string, typing?: string) => string | undefined;

/**
 * How an edit of `field` joins the undo history: what is typed in one focus of a text field is one
 * step however slowly it is typed; a choice or a switch is a step of its own each time.
 */
const typedStep = (field: string, typing: string | undefined): [mergeKey?: string, mergeWindowMs?: number] => (typing ? [`${field}#${typing}`, TYPING_SESSION] : []);

/** Keys a record field offers: a load balancer weighs the nodes it sends requests to. */
export type RecordKeys = readonly { id: string; label: string }[];

function RecordField({ field, keys, value, disabled, propose }: { field: Extract<Field, { type: 'record' }>; keys: RecordKeys; value: unknown; disabled: boolean; propose: Propose }) {
  const { t } = useTranslation('properties');
  return (
    <fieldset className="sl-group">
      <legend title={field.description}>{field.label}</legend>
      {keys.length === 0 && <p className="sl-muted">{t('connectTargets', { field: field.label.toLowerCase() })}</p>}
      {keys.map(({ id, label }) => {
        const item = { ...field.item, key: id, path: [...field.path, id], label, description: undefined } as Field;
        return <FieldInput key={id} field={item} value={valueAt(value, item)} disabled={disabled} onPropose={(v, typing) => propose(item, v, undefined, typing)} />;
      })}
    </fieldset>
  );
}

/** How a node's top-level props are locked: which are, and (in the studio's lock mode) how to toggle one. */
interface PropLocks {
  keys: ReadonlySet<string>;
  onToggle?: (key: string) => void;
}

/** A top-level field with its lock: a locked one is disabled with the reason beside it; in lock mode, a button toggles it. */
function LockableField({ field, locks, children }: { field: Field; locks: PropLocks; children(disabled: boolean): ReactNode }) {
  const { t } = useTranslation('properties');
  const key = field.path[0] ?? field.key;
  const isLocked = locks.keys.has(key);
  return (
    <div className={isLocked ? 'sl-prop is-locked' : 'sl-prop'} data-prop={key}>
      {locks.onToggle && (
        <button type="button" className="sl-prop-lock" aria-pressed={isLocked} onClick={() => locks.onToggle!(key)}>
          {isLocked ? t('unlockProp', { name: field.label }) : t('lockProp', { name: field.label })}
        </button>
      )}
      {children(isLocked)}
      {isLocked && <p className="sl-locked-note" role="note">{t('propLocked', { name: field.label })}</p>}
    </div>
  );
}

function Fields({ fields, value, disabled, propose, shorthand, recordKeys = [], locks }: { fields: Field[]; value: unknown; disabled: boolean; propose: Propose; shorthand?: { key: string; means: string }; recordKeys?: RecordKeys; locks?: PropLocks }) {
  const d = useDomain();
  if (locks && (locks.keys.size > 0 || locks.onToggle)) {
    return (
      <>
        {fields.map((field) => (
          <LockableField key={field.key} field={field} locks={locks}>
            {(isLocked) => <Fields fields={[field]} value={value} disabled={disabled || isLocked} propose={propose} {...(shorthand ? { shorthand } : {})} recordKeys={recordKeys} />}
          </LockableField>
        ))}
      </>
    );
  }
  return (
    <>
      {fields.map((field) =>
        field.type === 'record' ? (
          <RecordField key={field.key} field={field} keys={recordKeys} value={value} disabled={disabled} propose={propose} />
        ) : field.type === 'group' ? (
          <fieldset key={field.key} className="sl-group">
            <legend title={field.description}>{field.label}{field.unit && <span className="sl-unit"> ({d.unit(field.unit)})</span>}</legend>
            <Fields fields={field.fields} value={value} disabled={disabled} propose={(f, v, _means, typing) => propose(f, v, field.numberMeans, typing)} shorthand={field.numberMeans ? { key: field.key, means: field.numberMeans } : undefined} />
          </fieldset>
        ) : (
          <FieldInput key={field.key} field={field} value={valueAt(value, field, shorthand && new Map([[shorthand.key, shorthand.means]]))} disabled={disabled} onPropose={(v, typing) => propose(field, v, undefined, typing)} />
        ),
      )}
    </>
  );
}

function NodeProperties({ node, graph, editor, isLocked, locks }: { node: GraphNode; graph: Graph; editor: Editor; isLocked: boolean; locks: PropLocks }) {
  const { t } = useTranslation('properties');
  const d = useDomain();
  const form = useMemo(() => {
    const fields = fieldsFor(node.kind, node.props);
    return { main: localized(fields.main, node.kind, d), advanced: localized(fields.advanced, node.kind, d) };
  }, [node.kind, node.props, d]);
  const wiring = useMemo(() => wiringIssuesByNode(graph).get(node.id) ?? [], [graph, node.id]);
  const nameOf = useNodeNamer(graph.nodes);
  const name = nameOf(node.id);
  const targets = useMemo(() => graph.edges.filter((e) => e.source === node.id && e.kind === 'request').map((e) => ({ id: e.target, label: nameOf(e.target) })), [graph, node.id, nameOf]);
  const propose: Propose = (field, v, numberMeans, typing) => {
    // A locked prop is refused even if a control slipped through (the field is disabled with its reason).
    if (locks.keys.has(field.path[0] ?? field.key)) return t('propLocked', { name: field.label });
    const candidate = withValue(node.props, field.path, v, numberMeans);
    const parsed = parseNodeProps(node.kind, candidate);
    if (!parsed.ok) return problemAt(parsed.issues, field.path);
    editor.edit(setNodeProps(node.id, candidate), ...typedStep(`${node.id}.props.${field.path.join('.')}`, typing));
    return undefined;
  };
  return (
    <FieldOwnerContext.Provider value={name}>
      <section className="sl-props" aria-label={t('propertiesOf', { name })} data-node-id={node.id}>
        <h2 className="sl-panel-title">{d.kind(node.kind)}<span className="sl-muted"> · {node.id}</span></h2>
        {isLocked && <p className="sl-locked-note" role="note">{t('locked')}</p>}
        {wiring.length > 0 && (
          <ul className="sl-wiring-issues" aria-label={t('wiringProblems')} data-testid="wiring-issues">
            {wiring.map((issue) => (
              <li key={issue.need} data-need={issue.need}>
                {d.wiring(issue)}
              </li>
            ))}
          </ul>
        )}
        <fieldset disabled={isLocked} className="sl-plain">
          <FieldInput
            key={`${node.id}-label`}
            field={{ key: 'label', path: ['label'], label: t('name'), type: 'string', maxLength: GRAPH_LIMITS.labelChars, defaultValue: node.id }}
            // A name cleared to retype reads empty, the id the canvas shows in its place as the placeholder
            // (the field showed the id, and what was typed next went after it: "service-1Orders").
            value={node.label === '' ? '' : name}
            disabled={isLocked}
            onPropose={(v, typing) => {
              const label = typeof v === 'string' ? v : '';
              if (label.length > GRAPH_LIMITS.labelChars) return t('atMost', { count: GRAPH_LIMITS.labelChars });
              editor.edit(setNodeLabel(node.id, label), ...typedStep(`${node.id}.label`, typing));
              return undefined;
            }}
          />
          <Fields key={node.id} fields={form.main} value={node.props} disabled={isLocked} propose={propose} recordKeys={targets} locks={locks} />
          {form.advanced.length > 0 && (
            <details key={`${node.id}-advanced`} className="sl-advanced">
              <summary>{t('advanced')}</summary>
              <Fields fields={form.advanced} value={node.props} disabled={isLocked} propose={propose} recordKeys={targets} locks={locks} />
            </details>
          )}
        </fieldset>
      </section>
    </FieldOwnerContext.Provider>
  );
}

function EdgeProperties({ edge, graph, editor }: { edge: GraphEdge; graph: Graph; editor: Editor }) {
  const { t } = useTranslation('properties');
  const d = useDomain();
  const edgeFields = useMemo(() => localized(EDGE_FIELDS, 'edge', d), [d]);
  const nameOf = useNodeNamer(graph.nodes);
  const source = nameOf(edge.source);
  const target = nameOf(edge.target);
  const propose: Propose = (field, v, _means, typing) => {
    const parsed = EdgePropsSchema.safeParse(withValue(edge.props, field.path, v));
    if (!parsed.success) return problemAt(parsed.error.issues, field.path);
    editor.edit(setEdge(edge.id, { props: parsed.data }), ...typedStep(`${edge.id}.props.${field.key}`, typing));
    return undefined;
  };
  const kindField: Field = { key: 'kind', path: ['kind'], label: t('kind'), type: 'enum', options: EDGE_KINDS, optionLabels: Object.fromEntries(EDGE_KINDS.map((k) => [k, d.edgeKind(k)])), description: t('kindHint') };
  return (
    <FieldOwnerContext.Provider value={t('theConnection', { from: source, to: target })}>
      <section className="sl-props" aria-label={t('ofConnection')} data-edge-id={edge.id}>
        <h2 className="sl-panel-title">{t('connection')}<span className="sl-muted"> · {source} → {target}</span></h2>
        <FieldInput
          key={`${edge.id}-kind`}
          field={kindField}
          value={edge.kind}
          disabled={false}
          onPropose={(v) => {
            const others = { nodes: graph.nodes, edges: graph.edges.filter((e) => e.id !== edge.id) };
            const verdict = checkConnection(others, edge.source, edge.target, v as EdgeKind);
            if (!verdict.ok) return d.refusal(verdict, { source, target });
            editor.edit(setEdge(edge.id, { kind: v as EdgeKind }));
            return undefined;
          }}
        />
        <Fields key={edge.id} fields={edgeFields} value={edge.props} disabled={false} propose={propose} />
      </section>
    </FieldOwnerContext.Provider>
  );
}

/** The right-hand panel: a form for the one selected node or connection, generated from its schema. */
const NO_KEYS: ReadonlySet<string> = new Set();

function PropertiesPanelView({ editor, selection, locked, lockedProps = {}, onToggleLockedProp }: { editor: Editor; selection: Selection; locked: ReadonlySet<string>; lockedProps?: Readonly<Record<string, readonly string[]>>; onToggleLockedProp?: (nodeId: string, key: string) => void }) {
  const { doc } = editor;
  const count = selection.nodes.size + selection.edges.size;
  const { t } = useTranslation('properties');
  const node = useMemo(() => (selection.nodes.size === 1 && selection.edges.size === 0 ? doc.nodes.find((n) => selection.nodes.has(n.id)) : undefined), [doc.nodes, selection]);
  const nodeLocks = node ? lockedProps[node.id] : undefined;
  const locks = useMemo<PropLocks>(() => ({ keys: nodeLocks ? new Set(nodeLocks) : NO_KEYS, ...(node && onToggleLockedProp ? { onToggle: (key: string) => onToggleLockedProp(node.id, key) } : {}) }), [nodeLocks, node, onToggleLockedProp]);
  const edge = useMemo(() => (selection.edges.size === 1 && selection.nodes.size === 0 ? doc.edges.find((e) => selection.edges.has(e.id)) : undefined), [doc.edges, selection]);
  return (
    <aside className="sl-properties" aria-label={t('title')} aria-busy={editor.isFrozen || undefined}>
      {node || edge ? (
        // While a lesson opens the form is read-only: a value typed now would go with the canvas it belongs to.
        <fieldset className="sl-props-frozen" disabled={editor.isFrozen}>
          {node ? <NodeProperties node={node} graph={doc} editor={editor} isLocked={locked.has(node.id)} locks={locks} /> : <EdgeProperties edge={edge!} graph={doc} editor={editor} />}
        </fieldset>
      ) : (
        <div className="sl-props-empty">
          <h2 className="sl-panel-title">{t('title')}</h2>
          <p className="sl-muted">{count > 1 ? t('selected', { count }) : t('selectSomething')}</p>
          <p className="sl-muted">{t('totals', { nodes: t('nodes', { count: doc.nodes.length }), connections: t('connections', { count: doc.edges.length }) })}</p>
        </div>
      )}
    </aside>
  );
}

export const PropertiesPanel = memo(PropertiesPanelView);
