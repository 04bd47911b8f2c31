import { DocumentStore } from '@crm/read-store';
import { DynamicModule, Module } from '@nestjs/common';
import { CommandSideModule, CommandSideOptions } from './command-side.module';
import { ReadSideModule } from './read-side.module';

export type ApplicationModuleOptions = CommandSideOptions & {
  /** Overrides the configured document store (tests hand in an in-memory one). */
  documentStore?: DocumentStore;
};

/** Both sides of the application: the command side and the read side, each its own module. */
@Module({})
export class ApplicationModule {
  static forRoot(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: ApplicationModule,
      imports: [
        CommandSideModule.forRoot(options),
        ReadSideModule.forRoot({ documentStore: options.documentStore }),
      ],
    };
  }
}
