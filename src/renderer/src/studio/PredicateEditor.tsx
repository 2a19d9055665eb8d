/**
 * The structure check's predicate editor: a predicate of any type of src/shared/checks.ts (node,
 * path, count, prop, anyOf, allOf, not), nested up to PREDICATE_DEPTH_MAX, with node matches (kind,
 * id, props as "key=value, …") and, for prop, the kind's own prop keys offered. A one-line summary
 * says what it requires. Text that does not parse stays in its box with a message and never reaches
 * the draft.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPARE_OPS, type CompareOp, type NodeMatch, type Predicate } from '../../../shared/checks';
import { NODE_KINDS, type NodeKind } from '../../../shared/graph';
import { useDomain } from '../i18n/useDomain';
import {
  addChild,
  changeType,
  childrenOf,
  getAt,
  parsePropsText,
  parseScalar,
  PREDICATE_DEPTH_MAX,
  PREDICATE_TYPES,
  predicateType,
  propKeysOf,
  propsText,
  removeAt,
  summarizePredicate,
  updateAt,
  type PredicatePath,
} from './predicates';

function PropsInput({ value, onChange, label }: { value: NodeMatch['props']; onChange(next: NodeMatch['props']): void; label: string }) {
  const { t } = useTranslation('studio');
  const [text, setText] = useState(propsText(value));
  const [bad, setBad] = useState<string>();
  // The props changed elsewhere (the predicate's type, a sibling removed): show them.
  useEffect(() => {
    setText((shown) => {
      const parsed = parsePropsText(shown);
      return !parsed.ok || propsText(parsed.props) === propsText(value) ? shown : propsText(value);
    });
  }, [value]);
  return (
    <span className="sl-studio-inline">
      <input
        aria-label={label}
        placeholder={t('pred.propsPlaceholder')}
        value={text}
        aria-invalid={bad !== undefined || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parsePropsText(e.target.value);
          if (!parsed.ok) return setBad(parsed.bad);
          setBad(undefined);
          onChange(parsed.props);
        }}
      />
      {bad !== undefined && <span className="sl-error" role="alert">{t('pred.badProps', { part: bad })}</span>}
    </span>
  );
}

function MatchEditor({ match, onChange, label }: { match: NodeMatch; onChange(next: NodeMatch): void; label: string }) {
  const { t } = useTranslation('studio');
  const d = useDomain();
  const set = (patch: Partial<NodeMatch>) => {
    const next: NodeMatch = { ...match, ...patch };
    for (const key of Object.keys(next) as (keyof NodeMatch)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  return (
    <span className="sl-studio-match" data-match={label}>
      <span className="sl-muted">{label}</span>
      <select aria-label={t('pred.kindOf', { what: label })} value={match.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as NodeKind | undefined })}>
        <option value="">{t('summary.anyNode')}</option>
        {NODE_KINDS.map((k) => (
          <option key={k} value={k}>{d.kind(k)}</option>
        ))}
      </select>
      <input aria-label={t('pred.idOf', { what: label })} placeholder={t('pred.idPlaceholder')} value={match.id ?? ''} onChange={(e) => set({ id: e.target.value.trim() || undefined })} />
      <PropsInput label={t('pred.propsOf', { what: label })} value={match.props} onChange={(props) => set({ props })} />
    </span>
  );
}

function OpSelect({ value, onChange }: { value: CompareOp; onChange(op: CompareOp): void }) {
  const { t } = useTranslation('studio');
  return (
    <select aria-label={t('mustBe')} value={value} onChange={(e) => onChange(e.target.value as CompareOp)}>
      {COMPARE_OPS.map((op) => (
        <option key={op} value={op}>{op}</option>
      ))}
    </select>
  );
}

function PredicateNode({ root, path, onChange, onRemove }: { root: Predicate; path: PredicatePath; onChange(next: Predicate): void; onRemove?: () => void }) {
  const { t } = useTranslation('studio');
  const keysId = useId();
  const here = getAt(root, path);
  if (!here) return null;
  const type = predicateType(here);
  const set = (next: Predicate) => onChange(updateAt(root, path, () => next));
  const types = path.length >= PREDICATE_DEPTH_MAX - 1 ? PREDICATE_TYPES.filter((x) => x !== 'anyOf' && x !== 'allOf' && x !== 'not') : PREDICATE_TYPES;
  const testId = `pred-${path.length ? path.join('-') : 'root'}`;
  return (
    <div className="sl-studio-pred" data-testid={testId} data-type={type}>
      <div className="sl-studio-row">
        <select aria-label={t('pred.type')} data-testid={`${testId}-type`} value={type} onChange={(e) => set(changeType(here, e.target.value as (typeof PREDICATE_TYPES)[number]))}>
          {[...new Set([type, ...types])].map((x) => (
            <option key={x} value={x}>{t(`pred.types.${x}`)}</option>
          ))}
        </select>
        {onRemove && <button type="button" className="sl-link" onClick={onRemove}>{t('remove')}</button>}
      </div>
      {'node' in here && <MatchEditor label={t('pred.node')} match={here.node} onChange={(node) => set({ node })} />}
      {'path' in here && (
        <>
          <MatchEditor label={t('pred.from')} match={here.path.from} onChange={(from) => set({ path: { ...here.path, from } })} />
          <MatchEditor label={t('pred.to')} match={here.path.to} onChange={(to) => set({ path: { ...here.path, to } })} />
          <label className="sl-studio-inline">
            <input type="checkbox" checked={here.path.via !== undefined} onChange={(e) => set({ path: e.target.checked ? { ...here.path, via: { kind: 'cache' } } : { from: here.path.from, to: here.path.to } })} /> {t('pred.throughVia')}
          </label>
          {here.path.via && <MatchEditor label={t('pred.via')} match={here.path.via} onChange={(via) => set({ path: { ...here.path, via } })} />}
        </>
      )}
      {'count' in here && (
        <>
          <MatchEditor label={t('pred.node')} match={here.count.node} onChange={(node) => set({ count: { ...here.count, node } })} />
          <span className="sl-studio-inline">
            {t('pred.countIs')} <OpSelect value={here.count.op} onChange={(op) => set({ count: { ...here.count, op } })} />
            <input type="number" min={0} aria-label={t('bound')} value={here.count.value} onChange={(e) => set({ count: { ...here.count, value: Math.max(0, Math.round(Number(e.target.value) || 0)) } })} />
          </span>
        </>
      )}
      {'prop' in here && (
        <>
          <MatchEditor label={t('pred.node')} match={here.prop.node} onChange={(node) => set({ prop: { ...here.prop, node } })} />
          <span className="sl-studio-inline">
            <input aria-label={t('pred.key')} list={keysId} value={here.prop.key} onChange={(e) => set({ prop: { ...here.prop, key: e.target.value } })} />
            <datalist id={keysId}>
              {propKeysOf(here.prop.node.kind).map((k) => (
                <option key={k} value={k} />
              ))}
            </datalist>
            <OpSelect value={here.prop.op} onChange={(op) => set({ prop: { ...here.prop, op } })} />
            <input aria-label={t('pred.value')} value={String(here.prop.value)} onChange={(e) => set({ prop: { ...here.prop, value: parseScalar(e.target.value) } })} />
          </span>
          {here.prop.key.trim() === '' && <span className="sl-error" role="alert">{t('pred.keyMissing')}</span>}
        </>
      )}
      {('anyOf' in here || 'allOf' in here || 'not' in here) && (
        <div className="sl-studio-pred-children">
          {childrenOf(here).map((_, i) => (
            <PredicateNode key={`${path.join('.')}.${i}`} root={root} path={[...path, i]} onChange={onChange} {...('not' in here || childrenOf(here).length < 2 ? {} : { onRemove: () => onChange(removeAt(root, [...path, i])) })} />
          ))}
          {!('not' in here) && path.length < PREDICATE_DEPTH_MAX - 1 && (
            <button type="button" data-testid={`${testId}-add`} onClick={() => onChange(addChild(root, path))}>{t('pred.addCondition')}</button>
          )}
        </div>
      )}
    </div>
  );
}

/** A predicate, its editor and its summary. */
export function PredicateEditor({ value, onChange, testId, nameOf }: { value: Predicate; onChange(next: Predicate): void; testId: string; nameOf?(id: string): string }) {
  const { t } = useTranslation('studio');
  const d = useDomain();
  return (
    <div className="sl-studio-pred-root" data-testid={testId}>
      <p className="sl-studio-summary" data-testid={`${testId}-summary`}>{summarizePredicate(value, { t: (key, params) => t(key, params ?? {}), kind: d.kind, field: (kind, path) => d.fieldLabel(kind, path, path.join('.')), option: (kind, path, o) => d.option(kind, path, o), ...(nameOf ? { name: nameOf } : {}) })}</p>
      <PredicateNode root={value} path={[]} onChange={onChange} />
    </div>
  );
}
