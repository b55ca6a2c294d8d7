import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import type { BackupService } from './backup.service.js';
import { BackupFile } from './backup.types.js';

@Resolver(() => BackupFile)
export class BackupResolver {
  constructor(private readonly service: BackupService) {}

  @Authorized('backup:run')
  @Query(() => [BackupFile], { description: 'Backups in the server\'s backups folder, newest first.' })
  backups(@Ctx() ctx: RequestContext): Promise<BackupFile[]> {
    return this.service.list(ctx.viewer!);
  }

  @Authorized('backup:run')
  @Mutation(() => BackupFile, { description: 'Write a consistent backup of all data now (the same file as `npm run cli -- backup`).' })
  runBackup(@Ctx() ctx: RequestContext): Promise<BackupFile> {
    return this.service.run(ctx.viewer!);
  }
}
