import { labelColon } from '../i18n/format';
import type { SubmissionRegrade } from '../../../shared/ipc';
import { useLocale } from '../i18n/LocaleContext';
import { reportNotes } from '../../../shared/i18n/reportText';
import { CheckResults } from './CheckResults';
import { differenceText } from './regradeText';

/** What re-grading a submission found: the fresh grade, and whether the file's own claim held. */
export function RegradeDialog({ regrade, onClose }: { regrade: SubmissionRegrade; onClose(): void }) {
  const { t, locale } = useLocale();
  return (
    <div className="sl-overlay" role="presentation" onClick={() => onClose()}>
      <div className="sl-dialog sl-dialog-wide" role="dialog" aria-modal="true" aria-label={t('regradeTitle')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('regradeTitle')}</h2>
        <p>
          {t('student')}{labelColon(locale)}<strong>{regrade.student ?? '—'}</strong> · {regrade.lessonId} · {new Date(regrade.savedAt).toLocaleString(locale)}
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
        {reportNotes(regrade, locale).map((n, i) => (
          <p key={i} className="sl-muted">{n}</p>
        ))}
        <CheckResults report={regrade.report} />
        <button type="button" onClick={() => onClose()}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
