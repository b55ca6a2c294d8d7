import type { ResultOf } from '../../../graphql/graphql';
import type { ClientFieldsFragment } from '../graphql/clientFieldsFragment';
import type { ClientQuery } from '../graphql/clientQuery';

export const clientStates = ['POTENTIAL', 'ACTIVE', 'INACTIVE'] as const;
export type ClientState = (typeof clientStates)[number];

export const clientKinds = ['COMPANY', 'PERSON'] as const;
export type ClientKind = (typeof clientKinds)[number];

/** A client as the list and the page show it. */
export type Client = ResultOf<typeof ClientFieldsFragment>;

/** A client with its events (the events are absent for a viewer without `event:read`). */
export type ClientWithEvents = NonNullable<ResultOf<typeof ClientQuery>['client']>;

/** The list view, as kept in the URL. */
export interface ClientSearch {
  /** Name, e-mail, contact person or phone in any format; the server does the matching. */
  text: string;
  /** Only these states; empty = all. */
  states: ClientState[];
  /** The archive instead of the clients in use. */
  archived: boolean;
  page: number;
}

/** The fields of the create and edit forms, as typed. */
export interface ClientFormValues {
  name: string;
  kind: ClientKind;
  phone: string;
  email: string;
  contactPerson: string;
  notes: string;
}
