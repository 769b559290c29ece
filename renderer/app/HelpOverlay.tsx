// The keyboard shortcuts overlay: every action that has a shortcut, by group, from the same
// registry the keys run through (so it cannot list a key that does something else), and what
// the mouse does.
import type { ActionGroup } from '../../shared/ipc/actions';
import type { BoundAction } from './actions';
import { Modal } from './Modal';
import { displayShortcut } from './shortcuts';

const GROUPS: readonly ActionGroup[] = ['File', 'Edit', 'Canvas', 'View', 'Panels'];

export function HelpOverlay({ actions, modKey, onClose }: { actions: readonly BoundAction[]; modKey: string; onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide testId="help-overlay">
      <div className="shortcut-groups">
        {GROUPS.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <dl>
              {actions
                .filter((a) => a.group === g && a.keys.length > 0)
                .map((a) => (
                  <div key={a.id} className="shortcut-row">
                    <dt>
                      {/* The first shortcut only; the others are alternatives people try anyway (Backspace, Ctrl+Y). */}
                      <kbd>{displayShortcut(a.keys[0]!, modKey)}</kbd>
                    </dt>
                    <dd>{a.label}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        <section>
          <h3>Mouse</h3>
          <dl>
            <div className="shortcut-row"><dt><kbd>Shift</kbd>+drag</dt><dd>Box-select</dd></div>
            <div className="shortcut-row"><dt><kbd>Shift</kbd>+click or <kbd>{modKey}</kbd>+click</dt><dd>Add to the selection</dd></div>
            <div className="shortcut-row"><dt>Drag a side handle</dt><dd>Draw a tunnel to another gateway; attach a network</dd></div>
            <div className="shortcut-row"><dt>Space in the player</dt><dd>Play or pause the negotiation</dd></div>
          </dl>
        </section>
      </div>
    </Modal>
  );
}
