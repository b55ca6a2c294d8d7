import { Field, ObjectType } from 'type-graphql';
import { Person } from '../events/production-event.types.js';

@ObjectType({ description: 'Someone who has a calendar or an event open.' })
export class PresenceEntry {
  @Field(() => Person, { description: 'Who.' })
  person!: Person;

  @Field(() => Boolean, { description: 'True while they have an edit dialog open.' })
  editing!: boolean;

  @Field(() => Date, { description: 'Since when they are here.' })
  since!: Date;
}

@ObjectType({ description: 'Everyone present in one scope now.' })
export class PresenceSnapshot {
  @Field(() => String, { description: '"calendar", "crew-schedule" or "event:<id>".' })
  scope!: string;

  @Field(() => [PresenceEntry], { description: 'Who is here, by name.' })
  people!: PresenceEntry[];
}
