import { EventStore } from '@crm/event-store';
import { saveCheckpoint } from './process-checkpoints';

/** At most this many handled events, or this long, between two checkpoints of a busy process. */
export const SAVE_EVERY_EVENTS = 200;
export const SAVE_EVERY_MS = 1000;
/** A quiet process saves what it handled this long after its last event. */
export const IDLE_SAVE_MS = 100;

/**
 * When a process manager's checkpoint is appended. After an event the process acted on (it sent
 * commands or parked the event), at once: a command answer that covers the process's
 * consequences waits for that checkpoint. Events it only looked at are saved in bulk (every
 * SAVE_EVERY_EVENTS or SAVE_EVERY_MS, and IDLE_SAVE_MS after the last one): a replay after a
 * crash repeats them, which the commands' idempotency keys make harmless, while one synced append
 * per interaction of the log (every event lead engagement reads) would double the writes.
 * Saves run one after another, so the checkpoint never moves back.
 */
export class CheckpointSaver {
  private handled = -1n;
  private saved = -1n;
  private unsaved = 0;
  private lastSaveAt = Date.now();
  private saving: Promise<void> = Promise.resolve();
  private idleSave?: NodeJS.Timeout;

  constructor(
    private readonly store: EventStore,
    private readonly processName: string,
    private readonly onIdleSaveFailed: (error: unknown) => void,
  ) {}

  /** Records that the event at `position` was fully handled; resolves once saved when due now. */
  async handledUpTo(position: bigint, acted: boolean): Promise<void> {
    this.handled = position;
    this.unsaved += 1;
    const due =
      acted || this.unsaved >= SAVE_EVERY_EVENTS || Date.now() - this.lastSaveAt >= SAVE_EVERY_MS;
    if (due) return this.save();
    this.idleSave ??= setTimeout(() => this.save().catch(this.onIdleSaveFailed), IDLE_SAVE_MS);
    this.idleSave.unref();
  }

  /** Saves what was handled and not saved yet (used when the process stops). */
  save(): Promise<void> {
    clearTimeout(this.idleSave);
    this.idleSave = undefined;
    this.saving = this.saving
      .catch(() => undefined)
      .then(async () => {
        const position = this.handled;
        if (position <= this.saved) return;
        await saveCheckpoint(this.store, this.processName, position);
        this.saved = position;
        this.unsaved = 0;
        this.lastSaveAt = Date.now();
      });
    return this.saving;
  }
}
