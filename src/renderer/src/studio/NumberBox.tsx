/**
 * A number box of the studio's editors that writes only numbers: anything else stays in the box with
 * a message and never reaches the draft. An optional box may be left empty (no value); a required one
 * flags an empty box. A value changed elsewhere (a row moved here, an undo) shows in the box.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { label: string; testId?: string; placeholder?: string } & (
  | { isOptional: true; value: number | undefined; onChange(v: number | undefined): void }
  | { isOptional?: false; value: number; onChange(v: number): void }
);

export function NumberBox({ label, testId, placeholder, ...box }: Props) {
  const { t } = useTranslation('studio');
  const { value } = box;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(
    () =>
      setText((shown) => {
        const isBlank = shown.trim() === '';
        if (value === undefined) return isBlank || !Number.isFinite(Number(shown)) ? shown : '';
        return !isBlank && Number(shown) === value ? shown : String(value);
      }),
    [value],
  );
  const isBlank = text.trim() === '';
  const isBad = isBlank ? !box.isOptional : !Number.isFinite(Number(text));
  return (
    <label className="sl-studio-inline">
      {label}{' '}
      <input
        type="number"
        step="any"
        data-testid={testId}
        value={text}
        placeholder={placeholder}
        aria-invalid={isBad || undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') {
            if (box.isOptional) box.onChange(undefined);
          } else if (Number.isFinite(Number(next))) box.onChange(Number(next));
        }}
      />
      {isBad && <span className="sl-error" role="alert">{t('variant.notNumber')}</span>}
    </label>
  );
}
