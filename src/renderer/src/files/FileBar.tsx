import type { Files } from './useFiles';

/** File commands. In the browser host there are no native dialogs: designs live in the data folder, and the computer's files go through the picker and downloads. */
export function FileBar({ files, onExport }: { files: Files; onExport(format: 'png' | 'svg'): void }) {
  return (
    <div className="sl-filebar" role="toolbar" aria-label="File">
      <button type="button" onClick={files.requestNew} title="Start an empty design">New</button>
      <button type="button" onClick={() => void files.showOpen()} title="Open a saved design (Ctrl+O)">Open…</button>
      <button type="button" onClick={() => void files.save()} title="Save (Ctrl+S)">Save</button>
      <button type="button" onClick={() => files.setDialog({ kind: 'saveAs' })}>Save as…</button>
      <button type="button" onClick={() => void files.download()} title="Save the design file to your computer">Download</button>
      <button type="button" onClick={() => onExport('png')}>Export PNG</button>
      <button type="button" onClick={() => onExport('svg')}>Export SVG</button>
      <span className="sl-filename" data-testid="file-name">
        {files.name ?? 'Untitled'}
        {files.isDirty ? ' •' : ''}
      </span>
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
  );
}
