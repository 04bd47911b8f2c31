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
import { ContactViewsController } from './contact-views.controller';

/** The contacts: commands (derived from the catalogue), their DTOs and the contacts queries. */
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
    ContactViewsController,
  ],
})
export class ContactsModule {}
