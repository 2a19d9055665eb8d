import { useRef, type ReactNode } from 'react';

interface Props {
  accept?: string;
  testId: string;
  className?: string;
  disabled?: boolean;
  /** Pick a whole folder (every file in it, with its relative path) instead of one file. */
  isDirectory?: boolean;
  /** The picked files: one, or a folder's worth. The same selection may be picked twice. */
  onPick(files: File[]): void;
  children: ReactNode;
}

/** A button that opens the system file (or folder) picker. */
export function FilePickerButton(props: Props) {
  const input = useRef<HTMLInputElement>(null);
  // Not in React's typings, but every engine we run in supports folder picking this way.
  const folder = props.isDirectory ? { webkitdirectory: '', multiple: true } : {};
  return (
    <>
      <button type="button" className={props.className} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.children}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        data-testid={props.testId}
        {...folder}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) props.onPick(files);
        }}
      />
    </>
  );
}
