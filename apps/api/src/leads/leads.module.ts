import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import {
  AdjustLeadScoreDto,
  AssignLeadDto,
  CaptureLeadDto,
  ConvertLeadDto,
  DisqualifyLeadDto,
  QualifyLeadDto,
  ScoreLeadDto,
} from './lead.dtos';

/** The leads: commands (derived from the catalogue) and their DTOs. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('lead', {
      CaptureLead: CaptureLeadDto,
      AdjustLeadScore: AdjustLeadScoreDto,
      ScoreLead: ScoreLeadDto,
      AssignLead: AssignLeadDto,
      QualifyLead: QualifyLeadDto,
      DisqualifyLead: DisqualifyLeadDto,
      ConvertLead: ConvertLeadDto,
    }),
  ],
})
export class LeadsModule {}
