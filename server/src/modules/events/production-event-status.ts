import { registerEnumType } from 'type-graphql';

/** SPEC §2 workflow: draft → tentative → confirmed → in progress → completed; cancelled before completion. */
export enum ProductionEventStatus {
  DRAFT = 'draft',
  TENTATIVE = 'tentative',
  CONFIRMED = 'confirmed',
  IN_PROGRESS = 'in_progress',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
}

registerEnumType(ProductionEventStatus, {
  name: 'ProductionEventStatus',
  description: 'Where an event is in its workflow.',
  valuesConfig: {
    DRAFT: { description: 'Being sketched; not promised to the client.' },
    TENTATIVE: { description: 'Pencilled in; the client has not confirmed.' },
    CONFIRMED: { description: 'Confirmed by the client; makes the client active.' },
    IN_PROGRESS: { description: 'Load-in or show under way.' },
    COMPLETED: { description: 'Done; final.' },
    CANCELLED: { description: 'Called off; frees its people and gear. Can be reopened as draft or tentative.' },
  },
});

const NEXT: Record<ProductionEventStatus, readonly ProductionEventStatus[]> = {
  draft: [ProductionEventStatus.TENTATIVE, ProductionEventStatus.CANCELLED],
  tentative: [ProductionEventStatus.CONFIRMED, ProductionEventStatus.CANCELLED],
  confirmed: [ProductionEventStatus.IN_PROGRESS, ProductionEventStatus.CANCELLED],
  in_progress: [ProductionEventStatus.COMPLETED, ProductionEventStatus.CANCELLED],
  completed: [],
  cancelled: [ProductionEventStatus.DRAFT, ProductionEventStatus.TENTATIVE],
};

/** The statuses an event may move to from `status`. */
export function allowedTransitions(status: ProductionEventStatus): readonly ProductionEventStatus[] {
  return NEXT[status];
}

export function canTransition(from: ProductionEventStatus, to: ProductionEventStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses an event may be created with. */
export const INITIAL_STATUSES: readonly ProductionEventStatus[] = [ProductionEventStatus.DRAFT, ProductionEventStatus.TENTATIVE, ProductionEventStatus.CONFIRMED];
