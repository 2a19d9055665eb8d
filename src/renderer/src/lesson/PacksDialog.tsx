import { labelColon } from '../i18n/format';
import { errorMessage, problemLine } from '../../../shared/i18n/errorTexts';
import { failureText } from '../i18n/useErrorText';
import { zipSync } from 'fflate';
import { useCallback, useEffect, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import { localize } from '../../../shared/i18n';
import type { CatalogueEntry, PackImportResult } from '../../../shared/ipc';
import { payloadTooLarge, tooLargeMessage } from '../../../shared/payloadSize';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/LocaleContext';
import { Modal } from '../ui/Modal';
import { FilePickerButton } from './FilePickerButton';

/** Bound on a pack zip picked in the browser, matching the host's limit. */
const MAX_PACK_ZIP_BYTES = 4_000_000;
/** Far above any real pack; refuses a mis-picked home folder before reading it. */
const MAX_FOLDER_FILES = 1_000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Fills "{name}" placeholders in a UI string. */

/** The pack catalogue: built-in and imported packs, import a .zip, remove an imported pack, open a lesson. */
export function PacksDialog({ api, onClose, onOpenLesson, onEditPack }: { api: StateLabApi; onClose(): void; onOpenLesson(packId: string, lessonId: string): void; onEditPack?(packId: string): void }) {
  const { locale, t } = useLocale();
  const studioWords = useTranslation('studio');
  const [packs, setPacks] = useState<CatalogueEntry[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [isBusy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const result = await api.packsCatalogue({});
    if (result.ok) setPacks(result.value);
    else setError(failureText(result.error, locale));
  }, [api]);
  useEffect(() => void refresh(), [refresh]);

  /** Says what the import did, so re-importing an installed pack id is never silent. */
  const describeImport = (imported: PackImportResult) => {
    const values = { title: localize(imported.title, locale), version: imported.version, old: imported.replaced?.version ?? '' };
    if (!imported.replaced) return t('packImported', values);
    return t(imported.replaced.version === undefined ? 'packReplacedBroken' : 'packReplaced', values);
  };

  const importBytes = async (fileName: string, bytes: Uint8Array) => {
    setError(undefined);
    setNotice(undefined);
    if (bytes.length > MAX_PACK_ZIP_BYTES) return setError(failureText(errorMessage('at.file', { file: fileName, detail: tooLargeMessage(bytes.length, MAX_PACK_ZIP_BYTES) }), locale));
    const request = { fileName, zipBase64: toBase64(bytes) };
    const tooLarge = payloadTooLarge(request);
    if (tooLarge) return setError(failureText(errorMessage('at.file', { file: fileName, detail: tooLarge }), locale));
    setBusy(true);
    const result = await api.packsImport(request);
    setBusy(false);
    if (!result.ok) return setError(failureText(result.error, locale));
    setNotice(describeImport(result.value));
    await refresh();
  };
  const importZip = async (file: File) => importBytes(file.name, new Uint8Array(await file.arrayBuffer()));
  // A picked folder is zipped here, so main validates folders and zips along one path.
  const importFolder = async (files: File[]) => {
    const folderName = files[0]?.webkitRelativePath.split('/')[0] || 'pack';
    if (files.length > MAX_FOLDER_FILES) return setError(t('packTooManyFiles', { folder: folderName, count: files.length, max: MAX_FOLDER_FILES }));
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > MAX_PACK_ZIP_BYTES) return setError(failureText(errorMessage('at.file', { file: folderName, detail: tooLargeMessage(total, MAX_PACK_ZIP_BYTES) }), locale));
    const entries: Record<string, Uint8Array> = {};
    for (const file of files) entries[file.webkitRelativePath || file.name] = new Uint8Array(await file.arrayBuffer());
    await importBytes(`${folderName}.zip`, zipSync(entries));
  };

  const remove = async (packId: string) => {
    setNotice(undefined);
    const result = await api.packsRemove({ packId });
    if (!result.ok) setError(failureText(result.error, locale));
    await refresh();
  };

  return (
    <Modal label={t('packs')} className="sl-dialog-wide" onClose={onClose}>
      <h2>{t('packs')}</h2>
      <ul className="sl-pack-list">
        {packs.map((pack) => (
          <li key={pack.id} data-pack={pack.id}>
            <div>
              <strong>{localize(pack.title, locale)}</strong> <span className="sl-muted">{pack.version}</span>{' '}
              {pack.origin === 'builtin' ? <span className="sl-badge">{t('builtIn')}</span> : null}
              {pack.error ? <div className="sl-error" data-testid="pack-problems">{t('doesNotLoad')}{labelColon(locale)}{pack.problems ? pack.problems.map((p) => problemLine(p, locale)).join('\n') : pack.error}</div> : <span className="sl-muted"> · {t('lessonCount', { count: pack.lessons.length })}</span>}
            </div>
            <div className="sl-pack-actions">
              {!pack.error && pack.lessons[0] && (
                <button type="button" onClick={() => onOpenLesson(pack.id, pack.lessons[0]!.id)}>
                  {t('lesson')} 1
                </button>
              )}
              {!pack.error && onEditPack && (
                <button type="button" data-testid={`edit-pack-${pack.id}`} onClick={() => onEditPack(pack.id)}>
                  {studioWords.t(pack.origin === 'builtin' ? 'duplicatePack' : 'editPack')}
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
      {notice && (
        <p className="sl-muted" role="status" data-testid="pack-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="sl-error" role="alert" data-testid="pack-error">
          {error}
        </p>
      )}
      <div className="sl-dialog-actions">
        <FilePickerButton accept=".zip,application/zip" testId="pack-picker" disabled={isBusy} onPick={([file]) => void importZip(file!)}>
          {t('importPack')}
        </FilePickerButton>
        <FilePickerButton testId="pack-folder-picker" isDirectory disabled={isBusy} onPick={(files) => void importFolder(files)}>
          {t('importPackFolder')}
        </FilePickerButton>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
