import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * Moves focus as soon as React has committed what the same update renders: `later(() => el?.focus())`
 * beside the setState calls of a result. A requestAnimationFrame alone may run before React has
 * rendered an update made after an await, and find the new element absent.
 */
export function useFocusLater(): (move: () => void) => void {
  const pending = useRef<(() => void) | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useLayoutEffect(() => {
    const move = pending.current;
    pending.current = undefined;
    move?.();
  }, [tick]);
  return useCallback((move: () => void) => {
    pending.current = move;
    setTick((n) => n + 1);
  }, []);
}
