import { Module } from '@nestjs/common';
import { QueryViewsModule } from '../queries/query-views.module';
import { CommandSender } from './command-sender';
import { ReadGate } from './read-options';

/** What every feature module's controllers use: the typed command sender, the read gate, the views. */
@Module({
  imports: [QueryViewsModule],
  providers: [CommandSender, ReadGate],
  exports: [CommandSender, ReadGate, QueryViewsModule],
})
export class ApiCommonModule {}
