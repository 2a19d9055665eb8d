import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useContext, useEffect, useId, useRef, useState } from 'react';
import { useDomain } from '../i18n/useDomain';
import { FieldOwnerContext, InvalidFieldsContext } from './invalidFields';
import type { Field } from './schemaFields';

export interface FieldInputProps {
  field: Field;
  /** The value in the document (undefined: the default applies). */
  value: unknown;
  disabled: boolean;
  /**
   * Proposes a new value; returns the problem if the schema refuses it (the document is then
   * left unchanged, so an invalid value never reaches the simulator). `typing` names the focus of a
   * text field the value was typed in: what is typed in one focus is one undo step.
   */
  onPropose(value: unknown, typing?: string): string | undefined;
}

/** Counts the focuses of text fields, so each typing session has a name of its own. */
let typingSessions = 0;

const rangeOf = (field: Extract<Field, { type: 'number' }>, t: TFunction<'properties'>) => {
  const parts = [field.min !== undefined && field.max !== undefined ? `${field.min}–${field.max}` : field.min !== undefined ? `≥ ${field.min}` : field.max !== undefined ? `≤ ${field.max}` : ''];
  if (field.isInt) parts.push(t('wholeNumber'));
  if (field.defaultValue !== undefined) parts.push(t('defaultValue', { value: String(field.defaultValue) }));
  return parts.filter(Boolean).join(t('listSeparator'));
};

/** One control generated from a schema field: number with range and unit, choice, switch or text. */
export function FieldInput({ field, value, disabled, onPropose }: FieldInputProps) {
  const id = useId();
  const { t } = useTranslation('properties');
  const d = useDomain();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const typing = useRef('');
  const startTyping = () => void (typing.current = `typing-${++typingSessions}`);
  const propose = (next: unknown) => setError(onPropose(next));
  const proposeTyped = (next: unknown) => setError(onPropose(next, typing.current || undefined));
  // The document changed under the field (undo, another node selected): show it, not a stale draft.
  useEffect(() => {
    setDraft(null);
    setError(undefined);
  }, [value]);
  // While the field shows a refused value, Run refuses too (see invalidFields.ts).
  const invalid = useContext(InvalidFieldsContext);
  const owner = useContext(FieldOwnerContext);
  const [key] = useState(() => Symbol(field.path.join('.')));
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!invalid) return;
    const focus = () => {
      const details = box.current?.closest('details');
      if (details) details.open = true;
      box.current?.querySelector<HTMLElement>('input, select')?.focus();
    };
    invalid.set(key, error ? { field: field.label, owner, focus } : undefined);
    return () => invalid.set(key, undefined);
  }, [invalid, key, error, field.label, owner]);

  let control;
  let hint = field.description;
  switch (field.type) {
    case 'number': {
      hint = [field.description, rangeOf(field, t)].filter(Boolean).join(' · ');
      const shown = draft ?? (typeof value === 'number' ? String(value) : '');
      control = (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={shown}
          placeholder={field.defaultValue !== undefined ? String(field.defaultValue) : ''}
          aria-invalid={error ? true : undefined}
          disabled={disabled}
          onFocus={startTyping}
          onChange={(e) => {
            const text = e.target.value;
            setDraft(text);
            if (text.trim() === '') return proposeTyped(undefined);
            const n = Number(text);
            if (!Number.isFinite(n)) return setError(t('enterNumber'));
            proposeTyped(n);
          }}
          onBlur={() => {
            if (!error) setDraft(null);
          }}
        />
      );
      break;
    }
    case 'enum':
      control = (
        <select id={id} value={typeof value === 'string' ? value : String(field.defaultValue ?? '')} disabled={disabled} onChange={(e) => propose(e.target.value)}>
          {field.options.map((o) => (
            // The id in the tooltip: lessons and packs name a setting's value by it (`signed-token`).
            <option key={o} value={o} title={o}>{field.optionLabels?.[o] ?? o}</option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      control = <input id={id} type="checkbox" checked={typeof value === 'boolean' ? value : Boolean(field.defaultValue)} disabled={disabled} onChange={(e) => propose(e.target.checked)} />;
      break;
    case 'string':
      control = (
        <input id={id} type="text" value={typeof value === 'string' ? value : ''} placeholder={String(field.defaultValue ?? '')} disabled={disabled} aria-invalid={error ? true : undefined} onFocus={startTyping} onChange={(e) => proposeTyped(e.target.value === '' ? undefined : e.target.value)} />
      );
      break;
    default:
      control = <span className="sl-muted">{t('editInFile')}</span>;
  }

  return (
    <div ref={box} className={`sl-field${error ? ' has-error' : ''}`} data-field={field.path.join('.')}>
      <label htmlFor={id}>
        {field.label}
        {field.unit && <span className="sl-unit"> ({d.unit(field.unit)})</span>}
      </label>
      {control}
      {hint && <div className="sl-field-hint">{hint}</div>}
      {error && <div className="sl-field-error" role="alert">{error}</div>}
    </div>
  );
}
