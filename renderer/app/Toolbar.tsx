// The main toolbar: the document's name and unsaved mark, a button per action (from the action
// registry, so its tooltip names the shortcut that does the same), and the engine's state.
import { useEffect, useRef, useState } from 'react';
import type { ActionId } from '../../shared/ipc/actions';
import type { ActionRegistry, BoundAction } from './actions';
import { displayShortcut } from './shortcuts';

/** A button for an action: its name and first shortcut are the accessible name and the tooltip. */
function ActionButton({ action, text, modKey }: { action: BoundAction; text: string; modKey: string }) {
  // An on/off button says its state by being pressed, so its name is the plain one.
  const name = `${action.checked === undefined ? action.label : action.name}${action.keys[0] ? ` (${displayShortcut(action.keys[0], modKey)})` : ''}`;
  return (
    <button type="button" className="btn" data-testid={`tb-${action.id}`} disabled={!action.enabled} aria-pressed={action.checked} aria-label={name} title={name} onClick={action.run}>
      {text}
    </button>
  );
}

/**
 * A small menu beside a button, for the rarer actions of its kind (the toolbar has no room for a
 * button each at 1280 px on a projector): a menu button, arrow keys between the items, Escape
 * closes and gives the focus back.
 */
function MoreMenu({ label, items, modKey, testId }: { label: string; items: { action: BoundAction; text: string }[]; modKey: string; testId: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [open]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      entries[(at + (e.key === 'ArrowDown' ? 1 : entries.length - 1)) % entries.length]?.focus();
    }
  };
  return (
    <span className="tb-more">
      <button ref={button} type="button" className="btn tb-more-button" data-testid={testId} aria-label={label} title={label} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        ▾
      </button>
      {open && (
        <div ref={menu} className="tb-menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {items.map(({ action, text }) => {
            const name = `${action.label}${action.keys[0] ? ` (${displayShortcut(action.keys[0], modKey)})` : ''}`;
            return (
              <button
                key={action.id}
                type="button"
                role="menuitem"
                className="tb-menu-item"
                data-testid={`tb-${action.id}`}
                disabled={!action.enabled}
                title={name}
                onClick={() => {
                  // The focus goes back to the menu button first, so a dialog the action opens returns it there.
                  button.current?.focus();
                  setOpen(false);
                  action.run();
                }}
              >
                {text}
              </button>
            );
          })}
        </div>
      )}
    </span>
  );
}

interface ToolbarProps {
  actions: ActionRegistry;
  modKey: string;
  title: string;
  dirty: boolean;
  dark: boolean;
  engine: { error: string | undefined; millis: number | undefined; seq: number; hasReport: boolean };
}

export function Toolbar({ actions, modKey, title, dirty, dark, engine }: ToolbarProps) {
  const tb = (id: ActionId, text: string) => <ActionButton action={actions.get(id)} text={text} modKey={modKey} />;
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <div className="brand" aria-hidden="true">
        <svg width="22" height="22" viewBox="0 0 24 24">
          <path d="M12 2 L21 6 V12 C21 17 17 21 12 22 C7 21 3 17 3 12 V6 Z" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M8 12h8M13 9l3 3-3 3" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span>IPsec Studio</span>
      </div>
      <div className="doc-title" data-testid="doc-title">
        {/* Cut with an ellipsis when long (the toolbar stays one row); the tooltip has it whole. */}
        <span className="doc-name" title={title}>
          {title}
        </span>
        {dirty && (
          <span className="dirty" data-testid="dirty-indicator" title="Unsaved changes" role="img" aria-label="Unsaved changes">
            ●
          </span>
        )}
      </div>
      <div className="tb-group" role="group" aria-label="File">
        {tb('new', 'New')}
        {tb('template', 'Templates')}
        {tb('open', 'Open')}
        <MoreMenu label="More ways to open" testId="tb-open-more" modKey={modKey} items={[{ action: actions.get('import'), text: 'Import device configurations…' }]} />
        {tb('save', 'Save')}
        {tb('save-as', 'Save as')}
        {tb('export-png', 'PNG')}
        {tb('export-svg', 'SVG')}
      </div>
      <div className="tb-group" role="group" aria-label="Edit">
        {tb('undo', '↶ Undo')}
        {tb('redo', '↷ Redo')}
      </div>
      <div className="tb-group" role="group" aria-label="Canvas">
        {tb('layout', 'Layout')}
        {tb('fit', 'Fit')}
        {tb('snap', 'Grid')}
        {tb('minimap', 'Map')}
      </div>
      <div className="tb-group" role="group" aria-label="View">
        {tb('theme', dark ? '☀ Light' : '☾ Dark')}
        {tb('presentation', 'Present')}
        {tb('help', '?')}
      </div>
      <div className="engine-state" aria-live="polite" data-testid="engine-state" data-report-seq={engine.seq}>
        {engine.error ? (
          <span className="warn" title={engine.error}>
            ⚠ Results unavailable
          </span>
        ) : engine.hasReport ? (
          <span className="muted">{engine.millis !== undefined ? `results in ${engine.millis.toFixed(1)} ms` : ''}</span>
        ) : null}
      </div>
    </header>
  );
}
