import { Module } from '@nestjs/common';
import { ApiCommonModule } from '../http/api-common.module';
import { ScoringModelController } from './scoring-model.controller';

/** Lead scoring: the tenant's model and its rescoring progress. */
@Module({ imports: [ApiCommonModule], controllers: [ScoringModelController] })
export class ScoringModule {}
