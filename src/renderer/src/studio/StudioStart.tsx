/** Entering the studio: open a draft pack, start a new empty one, or duplicate an installed pack to edit. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StateLabApi } from '../../../shared/api';
import { defaultLocale, localize } from '../../../shared/i18n';
import type { CatalogueEntry } from '../../../shared/ipc';
import type { StudioDraftInfo } from '../../../shared/studio';
import { Modal } from '../ui/Modal';
import type { Studio } from './useStudio';

/** "My pack" → "my-pack": a pack id from a title. */
export const idFromTitle = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64) || 'pack';

/**
 * The id a new pack gets when none is typed: its title's (`idFromTitle`), numbered past the ids of
 * drafts and installed packs ("pack", "pack-2", …). A title with no Latin letters (a Chinese one)
 * gives "pack", and a second such pack was refused as one that exists already.
 */
export function suggestedPackId(title: string, taken: ReadonlySet<string>): string {
  const base = idFromTitle(title);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

export function StudioStart({ api, studio, initialFrom, onClose }: { api: StateLabApi; studio: Studio; initialFrom?: string | undefined; onClose(): void }) {
  const { t, i18n } = useTranslation('studio');
  const [drafts, setDrafts] = useState<StudioDraftInfo[]>([]);
  const [packs, setPacks] = useState<CatalogueEntry[]>([]);
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [from, setFrom] = useState(initialFrom ?? '');
  const [error, setError] = useState<string>();
  /**
   * A copy of a whole pack takes the host a moment (seconds on a busy machine): meanwhile the button
   * says it is working and takes no second press. It stayed as it was, so a press looked ignored,
   * and a second one was refused as a pack that exists already.
   */
  const [isCreating, setCreating] = useState(false);
  const [openError, setOpenError] = useState<{ id: string; message: string }>();
  useEffect(() => {
    void api.studioList({}).then((r) => r.ok && setDrafts(r.value));
    void api.packsCatalogue({}).then((r) => r.ok && setPacks(r.value.filter((p) => !p.error)));
  }, [api]);
  const open = async (draftId: string) => {
    const message = await studio.open(draftId);
    if (message) setOpenError({ id: draftId, message });
    else onClose();
  };
  const suggestedId = suggestedPackId(title, new Set([...drafts.map((d) => d.id), ...packs.map((p) => p.id)]));
  const create = async () => {
    if (isCreating) return;
    setCreating(true);
    setError(undefined);
    // A title typed in the app's language fills that language's field; without one, the id (no language's words) titles it in English.
    const message = await studio.create(id || suggestedId, title.trim() || id, from || undefined, title.trim() ? defaultLocale([i18n.language]) : 'en');
    setCreating(false);
    if (message) setError(message);
    else onClose();
  };
  return (
    <Modal label={t('studio')} className="sl-dialog-wide" onClose={onClose}>
      <h2>{t('studio')}</h2>
      {drafts.length > 0 && (
        <section>
          <h3>{t('drafts')}</h3>
          <ul className="sl-pack-list">
            {drafts.map((draft) => (
              <li key={draft.id} data-draft={draft.id}>
                <span>
                  <strong>{localize(draft.title, i18n.language)}</strong>{' '}
                  <span className={draft.doesNotLoad ? 'sl-error' : 'sl-muted'}>{draft.doesNotLoad ? t('draftDoesNotLoad') : `${draft.id} · ${t('lessonCount', { count: draft.lessons })}`}</span>
                </span>
                <button type="button" onClick={() => void open(draft.id)}>{t('edit')}</button>
              </li>
            ))}
          </ul>
          {openError && (
            <p className="sl-error sl-studio-open-error" role="alert" data-testid="draft-open-error">
              {openError.message}
            </p>
          )}
        </section>
      )}
      <section>
        <h3>{from ? t('duplicateTitle') : t('newPack')}</h3>
        <div className="sl-studio-form">
          <label className="sl-studio-field">
            {t('packTitle')}
            <input data-testid="new-pack-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="sl-studio-field">
            {t('packId')}
            <input data-testid="new-pack-id" value={id} placeholder={suggestedId} onChange={(e) => setId(e.target.value)} />
          </label>
          <label className="sl-studio-field">
            {t('startFrom')}
            <select value={from} title={from ? t('copyOf', { title: localize(packs.find((p) => p.id === from)?.title ?? { en: from }, i18n.language) }) : t('emptyPack')} onChange={(e) => setFrom(e.target.value)}>
              <option value="">{t('emptyPack')}</option>
              {packs.map((p) => (
                <option key={p.id} value={p.id}>{t('copyOf', { title: localize(p.title, i18n.language) })}</option>
              ))}
            </select>
          </label>
        </div>
        {error && <p className="sl-error" role="alert">{error}</p>}
      </section>
      <div className="sl-dialog-actions">
        <button type="button" disabled={(!title.trim() && !id) || isCreating} aria-busy={isCreating || undefined} onClick={() => void create()}>
          {isCreating ? (from ? t('duplicating') : t('creatingPack')) : from ? t('duplicate') : t('createPack')}
        </button>
        <button type="button" onClick={onClose}>{t('close')}</button>
      </div>
    </Modal>
  );
}
