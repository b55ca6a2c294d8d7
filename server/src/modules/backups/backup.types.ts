import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A backup file in the server\'s backups folder, as its manifest describes it.' })
export class BackupFile {
  @Field(() => String, { description: 'File name, e.g. "loadout-2026-11-22_14-05.backup.gz"; download it from GET /backups/<name>.' })
  name!: string;

  @Field(() => Float, { description: 'Size of the compressed file in bytes.' })
  sizeBytes!: number;

  @Field(() => Date, { description: 'When the snapshot was taken.' })
  createdAt!: Date;

  @Field(() => String, { description: 'Version of Loadout that made it.' })
  appVersion!: string;

  @Field(() => String, { nullable: true, description: 'The last migration of the database it was taken from (its schema level).' })
  lastMigration!: string | null;

  @Field(() => Int, { description: 'Number of tables in it.' })
  tableCount!: number;

  @Field(() => Int, { description: 'Number of rows in it, all tables together.' })
  rowCount!: number;
}
