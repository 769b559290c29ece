// The one dispatcher: every command goes through `dispatch`, which records immer patches, so
// undo/redo, dirty tracking and change notification come from one place. Usable headless (tests,
// the command line) and from React (subscribe + getSnapshot fit useSyncExternalStore).
import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import { DocumentShape, type TopologyDocument } from '../model/document';
import { validateChange } from '../model/validate-change';
import { applyCommand, CommandTargetError, commandLabel, type Command } from './commands';

enablePatches();

interface HistoryEntry {
  /** Increases for every new entry; the dirty check compares ids, not documents. */
  id: number;
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
  /** Consecutive dispatches with the same key become one step (a drag, typing in one field). */
  mergeKey?: string;
}

export interface DispatchOptions {
  mergeKey?: string;
}

export type DispatchResult = { ok: true; changed: boolean } | { ok: false; message: string };

export interface EditorState {
  document: TopologyDocument;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  dirty: boolean;
  /**
   * Which document this is: 0 for the first, one more at each New, Open or template. What is
   * derived from a document (a monitor session, a walk, a highlight) starts again when it changes;
   * an edit keeps it.
   */
  generation: number;
}

export class Editor {
  private doc: TopologyDocument;
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];
  private nextId = 1;
  /** Id of the entry whose result was last saved (0 = the loaded document). */
  private savedAt = 0;
  /** A merge may only extend the newest entry if nothing was undone or saved in between. */
  private mergeOpen = false;
  private listeners = new Set<() => void>();
  private snapshot: EditorState;
  private generation = 0;

  constructor(document: TopologyDocument, private readonly historyLimit = 500) {
    this.doc = document;
    this.snapshot = this.makeSnapshot();
  }

  get document(): TopologyDocument {
    return this.doc;
  }

  getSnapshot = (): EditorState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch(command: Command, options: DispatchOptions = {}): DispatchResult {
    let result: readonly [TopologyDocument, Patch[], Patch[]];
    try {
      result = produceWithPatches(this.doc, (draft) => {
        applyCommand(draft as TopologyDocument, command);
      });
    } catch (e) {
      if (e instanceof CommandTargetError) return { ok: false, message: e.message };
      throw e;
    }
    const [next, patches, inversePatches] = result;
    if (patches.length === 0) return { ok: true, changed: false };
    // A value the file format refuses (a line break in a name, an interface name with a space…)
    // never enters the document, or the file saved from it would not open again.
    const check = validateChange(DocumentShape, this.doc, next);
    if (!check.ok) return { ok: false, message: `${check.path}: ${check.message}` };
    this.doc = next;
    this.undone = [];
    const last = this.done[this.done.length - 1];
    if (options.mergeKey !== undefined && this.mergeOpen && last && last.mergeKey === options.mergeKey) {
      last.patches = [...last.patches, ...patches];
      last.inversePatches = [...inversePatches, ...last.inversePatches];
      // The merged step is a new state: if it had been saved, it no longer is.
      if (this.savedAt === last.id) this.savedAt = -1;
      last.id = this.nextId++;
    } else {
      const entry: HistoryEntry = { id: this.nextId++, label: commandLabel(command), patches, inversePatches };
      if (options.mergeKey !== undefined) entry.mergeKey = options.mergeKey;
      this.done.push(entry);
      if (this.done.length > this.historyLimit) this.done.shift();
    }
    this.mergeOpen = options.mergeKey !== undefined;
    this.emit();
    return { ok: true, changed: true };
  }

  /** Ends the current merge run, so the next dispatch with the same key starts a new step. */
  closeMerge(): void {
    this.mergeOpen = false;
  }

  undo(): boolean {
    const entry = this.done.pop();
    if (!entry) return false;
    this.doc = applyPatches(this.doc, entry.inversePatches);
    this.undone.push(entry);
    this.mergeOpen = false;
    this.emit();
    return true;
  }

  redo(): boolean {
    const entry = this.undone.pop();
    if (!entry) return false;
    this.doc = applyPatches(this.doc, entry.patches);
    this.done.push(entry);
    this.mergeOpen = false;
    this.emit();
    return true;
  }

  /** Replaces the document (New, Open, a template): a fresh history, clean. */
  load(document: TopologyDocument): void {
    this.doc = document;
    this.generation++;
    this.done = [];
    this.undone = [];
    this.savedAt = 0;
    this.mergeOpen = false;
    this.emit();
  }

  markSaved(): void {
    this.savedAt = this.currentId();
    this.mergeOpen = false;
    this.emit();
  }

  get dirty(): boolean {
    return this.savedAt !== this.currentId();
  }

  private currentId(): number {
    return this.done[this.done.length - 1]?.id ?? 0;
  }

  private makeSnapshot(): EditorState {
    const undoEntry = this.done[this.done.length - 1];
    const redoEntry = this.undone[this.undone.length - 1];
    const state: EditorState = {
      document: this.doc,
      generation: this.generation,
      canUndo: undoEntry !== undefined,
      canRedo: redoEntry !== undefined,
      dirty: this.dirty,
    };
    if (undoEntry) state.undoLabel = undoEntry.label;
    if (redoEntry) state.redoLabel = redoEntry.label;
    return state;
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l();
  }
}
