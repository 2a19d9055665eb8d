import { useCallback, useEffect, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import { localize } from '../../../shared/i18n';
import type { CatalogueEntry } from '../../../shared/ipc';
import { useLocale } from '../i18n/LocaleContext';
import { FilePickerButton } from './FilePickerButton';

/** Bound on a pack zip picked in the browser, matching the host's limit. */
const MAX_PACK_ZIP_BYTES = 4_000_000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The pack catalogue: built-in and imported packs, import a .zip, remove an imported pack, open a lesson. */
export function PacksDialog({ api, onClose, onOpenLesson }: { api: StateLabApi; onClose(): void; onOpenLesson(packId: string, lessonId: string): void }) {
  const { locale, t } = useLocale();
  const [packs, setPacks] = useState<CatalogueEntry[]>([]);
  const [error, setError] = useState<string>();
  const [isBusy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const result = await api.packsCatalogue({});
    if (result.ok) setPacks(result.value);
    else setError(result.error.message);
  }, [api]);
  useEffect(() => void refresh(), [refresh]);

  const importZip = async (file: File) => {
    setError(undefined);
    if (file.size > MAX_PACK_ZIP_BYTES) return setError(`${file.name}: the zip is too large (${file.size} bytes; the limit is ${MAX_PACK_ZIP_BYTES}).`);
    setBusy(true);
    const result = await api.packsImport({ fileName: file.name, zipBase64: toBase64(new Uint8Array(await file.arrayBuffer())) });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    await refresh();
  };

  const remove = async (packId: string) => {
    const result = await api.packsRemove({ packId });
    if (!result.ok) setError(result.error.message);
    await refresh();
  };

  return (
    <div className="sl-overlay" role="presentation" onClick={onClose}>
      <div className="sl-dialog sl-dialog-wide" role="dialog" aria-modal="true" aria-label={t('packs')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('packs')}</h2>
        <ul className="sl-pack-list">
          {packs.map((pack) => (
            <li key={pack.id} data-pack={pack.id}>
              <div>
                <strong>{localize(pack.title, locale)}</strong> <span className="sl-muted">{pack.version}</span>{' '}
                {pack.origin === 'builtin' ? <span className="sl-badge">{t('builtIn')}</span> : null}
                {pack.error ? <div className="sl-error">{t('doesNotLoad')}: {pack.error}</div> : <span className="sl-muted"> · {pack.lessons.length} {t('lessons')}</span>}
              </div>
              <div className="sl-pack-actions">
                {!pack.error && pack.lessons[0] && (
                  <button type="button" onClick={() => onOpenLesson(pack.id, pack.lessons[0]!.id)}>
                    {t('lesson')} 1
                  </button>
                )}
                {pack.origin === 'imported' && (
                  <button type="button" onClick={() => void remove(pack.id)}>
                    {t('remove')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
        {error && (
          <p className="sl-error" role="alert" data-testid="pack-error">
            {error}
          </p>
        )}
        <div className="sl-dialog-actions">
          <FilePickerButton accept=".zip,application/zip" testId="pack-picker" disabled={isBusy} onPick={(file) => void importZip(file)}>
            {t('importPack')}
          </FilePickerButton>
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
