import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { ProductionEventRef } from '../events/production-event.types.js';
import { PageInput } from '../journal/journal-entry.types.js';
import { clientEventsLoader } from './client-events.loader.js';
import { Client, ClientState } from './client.entity.js';
import { ClientFilter, CreateClientInput, UpdateClientInput } from './client.inputs.js';
import type { ClientService } from './client.service.js';

@ObjectType({ description: 'One page of clients.' })
export class ClientPage {
  @Field(() => [Client], { description: 'Clients on this page, by name.' })
  clients!: Client[];

  @Field(() => Int, { description: 'How many clients match in all.' })
  total!: number;
}

@Resolver(() => Client)
export class ClientResolver {
  constructor(private readonly clients: ClientService) {}

  @Authorized('client:read')
  @Query(() => ClientPage, { name: 'clients', description: 'Clients matching a search (name, e-mail, contact, or phone in any format), by name.' })
  clientList(
    @Arg('filter', () => ClientFilter, { nullable: true, description: 'What to show.' }) filter: ClientFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page.' }) page: PageInput | undefined,
  ): Promise<ClientPage> {
    return this.clients.list(filter, page?.limit, page?.offset);
  }

  @Authorized('client:read')
  @Query(() => Client, { description: 'One client.' })
  client(@Arg('id', () => ID, { description: 'Client id.' }) id: string): Promise<Client> {
    return this.clients.get(id);
  }

  // Events are behind their own permission: a viewer without event:read gets FORBIDDEN on these
  // fields (not an empty list, which would read as "no events"). The web app asks only with it.
  @Authorized('client:read', 'event:read')
  @FieldResolver(() => [ProductionEventRef], {
    description: 'Events (not deleted) whose last day is today or later in the company time zone, soonest first. Needs event:read.',
  })
  upcomingEvents(
    @Root() client: Client,
    @Arg('limit', () => Int, { defaultValue: 20, description: 'At most this many (1–100).' }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventRef[]> {
    return clientEventsLoader(ctx, this.clients, 'upcoming', limit).load(client.id);
  }

  @Authorized('client:read', 'event:read')
  @FieldResolver(() => [ProductionEventRef], {
    description: 'Events (not deleted) that ended before today in the company time zone, most recent first. Needs event:read.',
  })
  pastEvents(
    @Root() client: Client,
    @Arg('limit', () => Int, { defaultValue: 20, description: 'At most this many (1–100).' }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventRef[]> {
    return clientEventsLoader(ctx, this.clients, 'past', limit).load(client.id);
  }

  @Authorized('client:manage')
  @Mutation(() => Client, { description: 'Create a client; a phone that already exists is refused, naming its client.' })
  createClient(@Arg('input', () => CreateClientInput, { description: 'The client.' }) input: CreateClientInput, @Ctx() ctx: RequestContext): Promise<Client> {
    return this.clients.create(ctx.viewer!, input);
  }

  @Authorized('client:manage')
  @Mutation(() => Client, { description: 'Edit a client (not its phone). A stale version is merged unless the same fields changed: then CONFLICT.' })
  updateClient(
    @Arg('id', () => ID, { description: 'Client id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('input', () => UpdateClientInput, { description: 'Fields to change.' }) input: UpdateClientInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Client> {
    return this.clients.update(ctx.viewer!, id, expectedVersion, input);
  }

  @Authorized('client:manage')
  @Mutation(() => Client, { description: "Change the client's identifying phone; refused when another client has it." })
  changeClientPhone(
    @Arg('id', () => ID, { description: 'Client id.' }) id: string,
    @Arg('phone', () => String, { description: 'The new phone, any usual format.' }) phone: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Client> {
    return this.clients.changePhone(ctx.viewer!, id, phone);
  }

  @Authorized('client:manage')
  @Mutation(() => Client, { description: 'Set the state by hand; INACTIVE is refused while an upcoming event is confirmed.' })
  setClientState(
    @Arg('id', () => ID, { description: 'Client id.' }) id: string,
    @Arg('state', () => ClientState, { description: 'The new state.' }) state: ClientState,
    @Ctx() ctx: RequestContext,
  ): Promise<Client> {
    return this.clients.setState(ctx.viewer!, id, state);
  }

  @Authorized('client:manage')
  @Mutation(() => Client, { description: 'Archive a client (clients are never deleted); refused while an upcoming event is confirmed.' })
  archiveClient(@Arg('id', () => ID, { description: 'Client id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Client> {
    return this.clients.setArchived(ctx.viewer!, id, true);
  }

  @Authorized('client:manage')
  @Mutation(() => Client, { description: 'Take a client out of the archive.' })
  unarchiveClient(@Arg('id', () => ID, { description: 'Client id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Client> {
    return this.clients.setArchived(ctx.viewer!, id, false);
  }
}
