import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import {
  CorrectInteractionLinksDto,
  LogCallDto,
  LogEmailDto,
  LogMeetingDto,
  LogNoteDto,
} from './interaction.dtos';

/** The interactions: commands (derived from the catalogue) and their DTOs. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('interaction', {
      LogCall: LogCallDto,
      LogEmail: LogEmailDto,
      LogMeeting: LogMeetingDto,
      LogNote: LogNoteDto,
      CorrectInteractionLinks: CorrectInteractionLinksDto,
    }),
  ],
})
export class InteractionsModule {}
