import type { CalendarDate } from '../../common/calendar-dates.js';
import { overlap } from '../../common/calendar-dates.js';
import type { JournalEntry } from '../journal/journal-entry.types.js';
import type { ProductionEventReadModel } from './production-event.read-model.js';
import { CalendarChangeKind, NotificationKind, type CalendarChange, type CrewConflict, type CrewNotification, type ProductionEventView } from './production-event.types.js';

type Range = [CalendarDate, CalendarDate];

interface EventEntryContext {
  kind?: CalendarChangeKind;
  busy?: { before: Range | null; after: Range | null };
  affected?: Array<{ id: string; busy: Range }>;
  notify?: string[];
  notifyKinds?: Record<string, NotificationKind>;
  conflict?: CrewConflict;
}

/** How many recent journal entries keep their loaded events, shared by every subscriber of this instance. */
const CACHE_SIZE = 256;

function touches(range: Range | null | undefined, from: CalendarDate, to: CalendarDate): boolean {
  return Boolean(range && overlap({ from: range[0], to: range[1] }, { from, to }));
}

/**
 * Turns committed journal entries into calendar changes and personal notifications. The events an
 * entry concerns are read once per entry on this instance, however many sockets receive them, and
 * not at all when the entry carries them: a write on this instance hands over the views it built.
 */
export class CalendarFeed {
  private readonly loaded = new Map<number, Promise<Map<string, ProductionEventView>>>();
  /** Reads of the database made for entries (tests count them). */
  reads = 0;

  constructor(private readonly readModel: ProductionEventReadModel) {}

  static isEventEntry(entry: JournalEntry): boolean {
    if (entry.objectType === 'ProductionEvent') return entry.action !== 'crew.conflict';
    // Other changes (a repair, a write-off) may change the problems of events: they name them.
    return ((entry.context as EventEntryContext).affected?.length ?? 0) > 0;
  }

  /** The changes an entry makes to a calendar showing [from, to]: the event itself and others whose problems changed. */
  async changesFor(entry: JournalEntry, from: CalendarDate, to: CalendarDate): Promise<CalendarChange[]> {
    if (!CalendarFeed.isEventEntry(entry) || !entry.objectId) return [];
    const context = entry.context as EventEntryContext;
    const items: Array<{ eventId: string; kind: CalendarChangeKind }> = [];
    const own = entry.objectType === 'ProductionEvent';
    if (own && (touches(context.busy?.before, from, to) || touches(context.busy?.after, from, to))) {
      items.push({ eventId: entry.objectId, kind: context.kind ?? CalendarChangeKind.UPDATED });
    }
    for (const other of context.affected ?? []) if (touches(other.busy, from, to)) items.push({ eventId: other.id, kind: CalendarChangeKind.UPDATED });
    if (items.length === 0) return [];
    const views = await this.viewsOf(entry);
    return items.map(({ eventId, kind }) => ({ seq: entry.seq, kind, eventId, event: views.get(eventId) ?? null, actorName: entry.actorLabel, at: entry.at }));
  }

  /** The notification an entry carries for one person, if any. */
  async notificationFor(entry: JournalEntry, personId: string): Promise<CrewNotification | null> {
    const context = entry.context as EventEntryContext;
    if (entry.objectType !== 'ProductionEvent' || !entry.objectId || !context.notify?.includes(personId)) return null;
    const views = await this.viewsOf(entry);
    return {
      seq: entry.seq,
      kind: context.notifyKinds?.[personId] ?? NotificationKind.UPDATED,
      message: entry.summary,
      changes: entry.changes,
      eventId: entry.objectId,
      event: views.get(entry.objectId) ?? null,
      conflict: context.conflict ?? null,
      actorName: entry.actorLabel,
      at: entry.at,
    };
  }

  static conflictOf(entry: JournalEntry): CrewConflict | null {
    return entry.action === 'crew.conflict' ? ((entry.context as EventEntryContext).conflict ?? null) : null;
  }

  private viewsOf(entry: JournalEntry): Promise<Map<string, ProductionEventView>> {
    let views = this.loaded.get(entry.seq);
    if (!views) {
      const context = entry.context as EventEntryContext;
      const ids = [...(entry.objectType === 'ProductionEvent' ? [entry.objectId!] : []), ...(context.affected ?? []).map((other) => other.id)];
      const carried = new Map<string, ProductionEventView>();
      for (const id of ids) {
        const view = entry.live?.views.get(id) as ProductionEventView | undefined;
        if (view) carried.set(id, view);
      }
      const missing = ids.filter((id) => !carried.has(id));
      if (missing.length === 0) views = Promise.resolve(carried);
      else {
        this.reads++;
        views = this.readModel.byIds(missing).then((list) => new Map([...carried, ...list.map((view) => [view.id, view] as const)]));
      }
      views.catch(() => this.loaded.delete(entry.seq));
      this.loaded.set(entry.seq, views);
      for (const seq of this.loaded.keys()) {
        if (this.loaded.size <= CACHE_SIZE) break;
        this.loaded.delete(seq);
      }
    }
    return views;
  }
}
