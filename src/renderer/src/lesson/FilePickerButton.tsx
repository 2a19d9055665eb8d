import { useRef, type ReactNode } from 'react';

/** A button that opens the system file picker; the picked file goes to onPick (the same file may be picked twice). */
export function FilePickerButton(props: { accept: string; testId: string; className?: string; disabled?: boolean; onPick(file: File): void; children: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
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
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onPick(file);
        }}
      />
    </>
  );
}
