import { Field, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import type { BusStatus, JournalBus } from '../../realtime/journal-bus.js';
import { pushIterator } from '../../realtime/push-iterator.js';

@ObjectType({ description: "The state of the server a WebSocket is connected to, as far as clients need to know it." })
export class ServiceStatus {
  @Field(() => Boolean, {
    description:
      'False while this server cannot reach its database: requests answer SERVICE_UNAVAILABLE and live changes pause. When it is true again, everything committed meanwhile is delivered (subscriptions catch up from the journal).',
  })
  databaseAvailable!: boolean;
}

function toServiceStatus(status: BusStatus): ServiceStatus {
  return { databaseAvailable: status.database === 'up' };
}

/** The current status, then each change of it, until the subscriber leaves. */
function statusUpdates(bus: JournalBus): AsyncIterableIterator<ServiceStatus> {
  const updates = pushIterator<ServiceStatus>(() => unsubscribe());
  const unsubscribe = bus.onStatus((status) => updates.push(toServiceStatus(status)));
  updates.push(toServiceStatus(bus.status));
  return updates.iterator;
}

@Resolver()
export class ServiceStatusResolver {
  @Subscription(() => ServiceStatus, {
    description:
      'The server\'s status now and at every change (any signed-in user). Sent without touching the database, so it reaches open sockets during a database outage: `databaseAvailable: false` when the server loses the database, `true` when it is back.',
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, []);
      return statusUpdates(ctx.bus);
    },
  })
  serviceStatus(@Root() status: ServiceStatus): ServiceStatus {
    return status;
  }
}
