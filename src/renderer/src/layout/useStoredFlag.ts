import { useCallback, useState } from 'react';

/** A yes/no view preference kept in localStorage; anything but "true" or "false" reads as the default. */
export function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    const stored = globalThis.localStorage?.getItem(key);
    return stored === 'true' ? true : stored === 'false' ? false : initial;
  });
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      globalThis.localStorage?.setItem(key, String(next));
    },
    [key],
  );
  return [value, set];
}
