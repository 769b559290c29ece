// A modal dialog: focus moves into it, Tab stays inside, Escape closes, focus returns after.
// Dialogs stack in the order they opened, whatever order they are rendered in: the last one
// opened is in front and the only one that takes input (the unsaved-changes question asked from
// the templates dialog once opened hidden behind it).
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/** The backdrops of the open dialogs, oldest first. */
const openBackdrops: HTMLElement[] = [];
/** Above the app's own layers. */
const BASE_Z = 100;

function restack(): void {
  openBackdrops.forEach((el, i) => {
    el.style.zIndex = String(BASE_Z + i);
    el.inert = i !== openBackdrops.length - 1;
  });
}

export function Modal({ title, onClose, children, role = 'dialog', wide, testId }: { title: string; onClose: () => void; children: ReactNode; role?: 'dialog' | 'alertdialog'; wide?: boolean; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const id = useId();
  // A layout effect, so the dialog behind takes input again before the focus goes back into it.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const backdrop = backdropRef.current;
    if (backdrop) openBackdrops.push(backdrop);
    restack();
    const el = ref.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])');
    first?.focus();
    return () => {
      const at = backdrop ? openBackdrops.indexOf(backdrop) : -1;
      if (at >= 0) openBackdrops.splice(at, 1);
      restack();
      previous?.focus?.();
    };
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
    if (e.key === 'Tab' && ref.current) {
      const items = [...ref.current.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter((x) => !x.hasAttribute('disabled'));
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };
  return (
    <div ref={backdropRef} className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className={`modal${wide ? ' wide' : ''}`} role={role} aria-modal="true" aria-labelledby={id} onKeyDown={onKeyDown} data-testid={testId}>
        <header className="modal-head">
          <h2 id={id}>{title}</h2>
          <button type="button" className="btn icon" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </header>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}
