import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n';
import { labelColon } from '../i18n/format';
import type { SubmissionRegrade } from '../../../shared/ipc';
import { useLocale } from '../i18n/LocaleContext';
import { gradeParamWords } from '../i18n/useDomain';
import { reportNotes } from '../../../shared/i18n/reportText';
import { variantParamFormat } from '../../../shared/i18n/variantText';
import { CheckResults } from './CheckResults';
import { differenceText } from './regradeText';

/** What re-grading a submission found: the fresh grade, and whether the file's own claim held. */
export function RegradeDialog({ regrade, onClose }: { regrade: SubmissionRegrade; onClose(): void }) {
  const { t, locale } = useLocale();
  const { t: domain } = useTranslation('domain');
  // A variant note names each value by the lesson's label for it, with its unit; a fault or a kind by its word.
  const format = useMemo(() => variantParamFormat(regrade.variantParameters, locale, gradeParamWords(domain)), [regrade.variantParameters, locale, domain]);
  return (
    <div className="sl-overlay" role="presentation" onClick={() => onClose()}>
      <div className="sl-dialog sl-dialog-wide" role="dialog" aria-modal="true" aria-label={t('regradeTitle')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('regradeTitle')}</h2>
        <p>
          {t('student')}{labelColon(locale)}<strong>{regrade.student ?? '—'}</strong> · <span title={regrade.lessonId}>{regrade.lessonTitle ? localize(regrade.lessonTitle, locale) : regrade.lessonId}</span> · {new Date(regrade.savedAt).toLocaleString(locale)}
        </p>
        <p className={regrade.storedMatched === false ? 'sl-error' : ''} data-testid="regrade-verdict">
          {regrade.storedMatched === null ? t('storedNone') : regrade.storedMatched ? t('storedMatched') : t('storedDiffers')}
        </p>
        {regrade.differences.length > 0 && (
          <ul className="sl-differences">
            {regrade.differences.map((d, i) => (
              <li key={d}>{differenceText(d, regrade.report, locale, regrade.differenceKeys?.[i])}</li>
            ))}
          </ul>
        )}
        {reportNotes(regrade, locale, format).map((n, i) => (
          <p key={i} className="sl-muted" data-testid="regrade-note">{n}</p>
        ))}
        <CheckResults report={regrade.report} />
        <button type="button" onClick={() => onClose()}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
