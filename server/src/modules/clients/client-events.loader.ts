import DataLoader from 'dataloader';
import type { RequestContext } from '../../graphql/context.js';
import type { ProductionEventRef } from '../events/production-event.types.js';
import type { ClientEventsWhen, ClientService } from './client.service.js';

type ClientEventsLoader = DataLoader<string, ProductionEventRef[]>;

// One set of loaders per request (the context object lives exactly as long as the request), so a
// page of clients asking for their events costs one statement per (upcoming | past, limit).
const loadersByRequest = new WeakMap<RequestContext, Map<string, ClientEventsLoader>>();

/** The per-request batch loader of clients' events for `when` and `limit`. */
export function clientEventsLoader(ctx: RequestContext, clients: ClientService, when: ClientEventsWhen, limit: number): ClientEventsLoader {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) loadersByRequest.set(ctx, (loaders = new Map()));
  const key = `${when}:${limit}`;
  let loader = loaders.get(key);
  if (!loader) loaders.set(key, (loader = new DataLoader((ids: readonly string[]) => clients.eventsOf(ids, when, limit))));
  return loader;
}
