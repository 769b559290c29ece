// What the window shows of the file flows (use-file-flows.tsx): the recovery and autosave
// banners, the unsaved-changes question, why a file did not open, and the template chooser.
import { describeErrors } from '../../shared/model/file';
import { TEMPLATES } from '../../shared/templates/index';
import { Modal } from './Modal';
import type { FileFlows } from './use-file-flows';

export function FileFlowBanners({ flows }: { flows: FileFlows }) {
  const offer = flows.recoveries[0];
  return (
    <>
      {offer && (
        <div className="banner" role="alert" data-testid="recovery-banner">
          <span>
            Unsaved work{offer.name ? ` on ${offer.name}` : ''} from {new Date(offer.savedAt).toLocaleString()} was recovered.
            {flows.recoveries.length > 1 ? ` (${flows.recoveries.length - 1} more after this one.)` : ''}
          </span>
          <button type="button" className="btn primary small" onClick={() => void flows.restoreCopy(offer)}>
            Restore
          </button>
          <button type="button" className="btn small" onClick={() => flows.discardCopy(offer)}>
            Discard
          </button>
        </div>
      )}
      {flows.autosaveError && (
        <div className="banner" role="status" data-testid="autosave-error">
          <span>Autosave failed: {flows.autosaveError}</span>
          <button type="button" className="btn small" onClick={flows.dismissAutosaveError}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}

/** The templates as cards; used by the empty canvas and the New from template dialog. */
export function TemplateCards({ onPick, testIds }: { onPick: (id: string) => void; testIds?: boolean }) {
  return (
    <div className="template-list">
      {TEMPLATES.map((t) => (
        <button key={t.id} type="button" className="template-card" data-testid={testIds ? `template-${t.id}` : undefined} onClick={() => onPick(t.id)}>
          <strong>{t.title}</strong>
          <span>{t.description}</span>
        </button>
      ))}
    </div>
  );
}

export function FileFlowDialogs({ flows }: { flows: FileFlows }) {
  const { ask, loadErrors } = flows;
  return (
    <>
      {ask && (
        <Modal title={ask.title} role="alertdialog" onClose={() => flows.answer('cancel')} testId="ask-dialog">
          <p>{ask.message}</p>
          <div className="modal-actions">
            {ask.buttons.map((b) => (
              <button key={b.id} type="button" className={`btn${b.primary ? ' primary' : ''}`} data-autofocus={b.primary ? true : undefined} onClick={() => flows.answer(b.id)}>
                {b.label}
              </button>
            ))}
          </div>
        </Modal>
      )}
      {loadErrors && (
        <Modal title={`Could not open ${loadErrors.file}`} role="alertdialog" wide onClose={flows.dismissLoadErrors} testId="load-errors">
          <p className="error-summary">{loadErrors.summary}</p>
          {loadErrors.errors.length > 0 && (
            <pre className="error-list" data-testid="load-error-list">
              {describeErrors(loadErrors.errors, 50)}
            </pre>
          )}
          <p className="muted">The open topology was not changed.</p>
          <div className="modal-actions">
            <button type="button" className="btn primary" data-autofocus onClick={flows.dismissLoadErrors}>
              OK
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}

export function TemplatesDialog({ flows }: { flows: FileFlows }) {
  if (!flows.templatesOpen) return null;
  return (
    <Modal title="New from template" onClose={flows.hideTemplates} wide testId="templates-dialog">
      <TemplateCards onPick={(id) => void flows.fromTemplate(id)} />
    </Modal>
  );
}
