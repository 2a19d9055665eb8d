import type { LessonView } from '../../../shared/ipc';
import { localize } from '../../../shared/i18n';
import { formatNumber } from '../i18n/format';
import { formatParameter } from '../../../shared/i18n/variantText';
import { numbersChanged, type LessonNumbers } from '../../../shared/variants';
import { useLocale } from '../i18n/LocaleContext';
import { Modal } from '../ui/Modal';

/** A name the student typed that gives the open lesson other numbers than the ones their work was made with. */
export interface NameChange {
  name: string;
  from: LessonNumbers;
  to: LessonNumbers;
  /** Typed beside Export and taken by it: nothing is exported until the design is checked with the new numbers. */
  isForExport: boolean;
}

/**
 * Says, before a new name takes effect, which of the lesson's numbers it changes and that the
 * design must be checked again with them; the student takes the new numbers or keeps theirs.
 */
export function NameChangeDialog({ lesson, change, onUse, onKeep }: { lesson: LessonView; change: NameChange; onUse(): void; onKeep(): void }) {
  const { t, locale } = useLocale();
  if (!lesson.variants) return null;
  const { parameters, isSeedChanged } = numbersChanged(lesson.variants, change.from, change.to);
  const shown = (p: (typeof parameters)[number]['parameter'], value: number | undefined) => (value === undefined ? '—' : formatParameter(p, value, locale));
  return (
    <Modal label={t('nameChangeTitle')} onClose={onKeep} className="sl-name-change">
      <h2>{t('nameChangeTitle')}</h2>
      <p>{change.name.trim() ? t('nameChangeIntro', { name: change.name.trim() }) : t('nameChangeIntroNoName')}</p>
      <ul data-testid="name-change-numbers">
        {parameters.map(({ parameter, from, to }) => (
          <li key={parameter.id} data-parameter={parameter.id}>
            {t('nameChangeValue', { label: localize(parameter.label, locale), from: shown(parameter, from), to: shown(parameter, to) })}
          </li>
        ))}
        {/* The seed in the student's words; its numbers, which say nothing to a student, only in the tooltip. */}
        {isSeedChanged && (
          <li data-parameter="seed" title={t('nameChangeSeedHint', { from: formatNumber(change.from.seed, locale), to: formatNumber(change.to.seed, locale) })}>
            {t('nameChangeSeed')}
          </li>
        )}
      </ul>
      <p>{change.isForExport ? t('nameChangeRecheckExport') : t('nameChangeRecheck')}</p>
      <div className="sl-dialog-actions">
        <button type="button" className="sl-primary" onClick={onUse}>{t('nameChangeUse')}</button>
        <button type="button" onClick={onKeep} autoFocus>{t('nameChangeKeep')}</button>
      </div>
    </Modal>
  );
}
