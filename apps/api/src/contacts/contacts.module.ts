import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import {
  AssignContactOwnerDto,
  CreateContactDto,
  LinkContactToAccountDto,
  MergeContactDto,
  RecordContactConsentDto,
  SetContactCustomFieldDto,
  TagContactDto,
  UpdateContactDto,
} from './contact.dtos';

/** The contacts: commands (derived from the catalogue) and their DTOs. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('contact', {
      CreateContact: CreateContactDto,
      UpdateContact: UpdateContactDto,
      LinkContactToAccount: LinkContactToAccountDto,
      UnlinkContactFromAccount: null,
      AssignContactOwner: AssignContactOwnerDto,
      TagContact: TagContactDto,
      UntagContact: null,
      SetContactCustomField: SetContactCustomFieldDto,
      RecordContactConsent: RecordContactConsentDto,
      MergeContact: MergeContactDto,
    }),
  ],
})
export class ContactsModule {}
