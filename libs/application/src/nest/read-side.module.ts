import { DocumentStore } from '@crm/read-store';
import { DynamicModule, Module } from '@nestjs/common';
import { readSideProviders } from '../read-side/read-side.providers';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { DOCUMENT_STORE, PROJECTION_RUNNER } from './tokens';

/**
 * The read side: the document store, the projection runner keeping the read models and the
 * read-your-writes wait. Queries over the read models live above it (`@crm/queries`).
 */
@Module({})
export class ReadSideModule {
  static forRoot(options: { documentStore?: DocumentStore }): DynamicModule {
    return {
      module: ReadSideModule,
      global: true,
      providers: readSideProviders(options.documentStore),
      exports: [DOCUMENT_STORE, PROJECTION_RUNNER, ReadYourWrites],
    };
  }
}
