import { useEffect, useRef, useState } from 'react';
import { GLOSSARY, type GlossaryEntry } from '../../../shared/glossary';
import { Modal } from '../ui/Modal';
import { useLocale } from '../i18n/LocaleContext';
import './glossary.css';

const matches = (entry: GlossaryEntry, query: string) => {
  const q = query.trim().toLowerCase();
  return q === '' || [entry.en.term, entry.en.definition, entry['zh-CN'].term, entry['zh-CN'].definition].some((s) => s.toLowerCase().includes(q));
};

/**
 * The course's terms in the app language, each with its name in the other language: opened from
 * the lesson panel, or at one term from a `glossary:` link in a lesson step.
 */
export function GlossaryDialog({ termId, onClose }: { termId?: string | undefined; onClose(): void }) {
  const { locale, t } = useLocale();
  const [query, setQuery] = useState('');
  const list = useRef<HTMLDListElement>(null);
  const here = locale === 'zh-CN' ? 'zh-CN' : 'en';
  const other = here === 'en' ? 'zh-CN' : 'en';
  const shown = GLOSSARY.filter((e) => matches(e, query));

  useEffect(() => {
    if (termId) list.current?.querySelector(`[data-term="${CSS.escape(termId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [termId]);

  return (
    <Modal label={t('glossary.title')} onClose={onClose} className="sl-dialog-wide">
      <h2>{t('glossary.title')}</h2>
      <input
        type="search"
        className="sl-glossary-filter"
        aria-label={t('glossary.filter')}
        placeholder={t('glossary.filter')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoFocus={!termId}
      />
      <dl className="sl-glossary-list" ref={list}>
        {shown.map((e) => (
          <div key={e.id} className="sl-glossary-entry" data-term={e.id} aria-current={e.id === termId ? 'true' : undefined}>
            <dt lang={here}>
              {e[here].term}
              <span className="sl-glossary-other" lang={other}>
                {e[other].term}
              </span>
            </dt>
            <dd lang={here}>{e[here].definition}</dd>
          </div>
        ))}
      </dl>
      {shown.length === 0 && <p className="sl-muted">{t('glossary.noMatch')}</p>}
      <div className="sl-dialog-actions">
        <button type="button" onClick={onClose} autoFocus={Boolean(termId)}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
