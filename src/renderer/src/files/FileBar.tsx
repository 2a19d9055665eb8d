import { useTranslation } from 'react-i18next';
import type { Files } from './useFiles';
import { useKeyHint } from '../editor/useKeyHint';

/** File commands. In the browser host there are no native dialogs: designs live in the data folder, and the computer's files go through the picker and downloads. */
export function FileBar({ files, onExport }: { files: Files; onExport(format: 'png' | 'svg'): void }) {
  const { t } = useTranslation('files');
  const keyed = useKeyHint();
  // Each keyed button's tooltip and aria-keyshortcuts, from the key table.
  const hints = {
    open: keyed(t('openHint'), 'open'),
    save: keyed(t('saveHint'), 'save'),
  };
  return (
    <>
      <div className="sl-filebar" role="toolbar" aria-label={t('toolbar')}>
        <button type="button" onClick={files.requestNew} title={t('newHint')}>{t('new')}</button>
        <button type="button" onClick={() => void files.showOpen()} {...hints.open}>{t('open')}</button>
        <button type="button" onClick={() => void files.save()} {...hints.save}>{t('save')}</button>
        <button type="button" onClick={() => files.setDialog({ kind: 'saveAs' })}>{t('saveAs')}</button>
        <button type="button" onClick={() => void files.download()} title={t('downloadHint')}>{t('download')}</button>
        <button type="button" onClick={() => onExport('png')}>{t('exportPng')}</button>
        <button type="button" onClick={() => onExport('svg')}>{t('exportSvg')}</button>
        <input
          ref={files.picker}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void files.openPicked(file);
          }}
        />
      </div>
      {/* Beside the toolbar, not in it: the header gives a long name way (cut, whole in its tooltip) as it does the lesson's title. */}
      <span className="sl-filename" data-testid="file-name" title={files.name ?? undefined}>
        {files.name ?? t('untitled')}
        {files.isDirty ? ' •' : ''}
      </span>
    </>
  );
}
