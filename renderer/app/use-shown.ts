// Whether a panel is on screen. Panels stay mounted while hidden; one that asks the engine
// worker for something asks only while shown, so editing a large design does not pay for a
// preview or a monitor view nobody looks at.
import { useEffect, useState, type RefObject } from 'react';

/**
 * `always`: shown whatever the observer says (a dialog). `target` changes when the element the
 * ref points to is replaced (a panel that renders another root when empty), to observe the new one.
 */
export function useShown(ref: RefObject<HTMLElement | null>, always: boolean, target?: unknown): boolean {
  const [shown, setShown] = useState(always);
  useEffect(() => {
    const el = ref.current;
    if (!el || always || typeof IntersectionObserver === 'undefined') {
      setShown(true);
      return undefined;
    }
    const io = new IntersectionObserver((entries) => setShown(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, [ref, always, target]);
  return shown;
}
