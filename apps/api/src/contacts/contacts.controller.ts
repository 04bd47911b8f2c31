import { CommandContext } from '@crm/application';
import {
  AssignContactOwner,
  CreateContact,
  LinkContactToAccount,
  MergeContact,
  RecordContactConsent,
  SetContactCustomField,
  TagContact,
  UnlinkContactFromAccount,
  UntagContact,
  UpdateContact,
} from '@crm/domain';
import { Body, Controller, Delete, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { CustomFieldKeyPipe, TagParamPipe } from '../http/field-rules';
import { newRecordId, RecordIdPipe } from '../http/record-id';
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

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandEndpoint('Create a contact', { creates: true })
  create(
    @Body() { id, ...body }: CreateContactDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const contactId = newRecordId(context, id);
    return this.commands.send<CreateContact>(
      'contact',
      contactId,
      { type: 'CreateContact', data: { contactId, ...body } },
      context,
    );
  }

  @Patch(':id')
  @CommandEndpoint('Update a contact (fields left out are not touched, lists given replace)')
  update(
    @Param('id', RecordIdPipe) contactId: string,
    @Body() body: UpdateContactDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<UpdateContact>(
      'contact',
      contactId,
      { type: 'UpdateContact', data: { contactId, ...body } },
      context,
    );
  }

  @Post(':id/account')
  @CommandEndpoint('Link a contact to an account')
  linkToAccount(
    @Param('id', RecordIdPipe) contactId: string,
    @Body() body: LinkContactToAccountDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<LinkContactToAccount>(
      'contact',
      contactId,
      { type: 'LinkContactToAccount', data: { contactId, ...body } },
      context,
    );
  }

  @Delete(':id/account')
  @CommandEndpoint('Unlink a contact from its account')
  unlinkFromAccount(
    @Param('id', RecordIdPipe) contactId: string,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<UnlinkContactFromAccount>(
      'contact',
      contactId,
      { type: 'UnlinkContactFromAccount', data: { contactId } },
      context,
    );
  }

  @Post(':id/owner')
  @CommandEndpoint('Assign the owner of a contact')
  assignOwner(
    @Param('id', RecordIdPipe) contactId: string,
    @Body() body: AssignContactOwnerDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<AssignContactOwner>(
      'contact',
      contactId,
      { type: 'AssignContactOwner', data: { contactId, ...body } },
      context,
    );
  }

  @Post(':id/tags')
  @CommandEndpoint('Tag a contact')
  tag(
    @Param('id', RecordIdPipe) contactId: string,
    @Body() body: TagContactDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<TagContact>(
      'contact',
      contactId,
      { type: 'TagContact', data: { contactId, ...body } },
      context,
    );
  }

  @Delete(':id/tags/:tag')
  @CommandEndpoint('Remove a tag from a contact')
  untag(
    @Param('id', RecordIdPipe) contactId: string,
    @Param('tag', TagParamPipe) tag: string,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<UntagContact>(
      'contact',
      contactId,
      { type: 'UntagContact', data: { contactId, tag } },
      context,
    );
  }

  @Put(':id/custom-fields/:key')
  @CommandEndpoint('Set a custom field of a contact')
  setCustomField(
    @Param('id', RecordIdPipe) contactId: string,
    @Param('key', CustomFieldKeyPipe) key: string,
    @Body() { value }: SetContactCustomFieldDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<SetContactCustomField>(
      'contact',
      contactId,
      { type: 'SetContactCustomField', data: { contactId, key, value } },
      context,
    );
  }

  @Post(':id/consents')
  @CommandEndpoint("Record a contact's consent on a channel")
  recordConsent(
    @Param('id', RecordIdPipe) contactId: string,
    @Body() body: RecordContactConsentDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<RecordContactConsent>(
      'contact',
      contactId,
      { type: 'RecordContactConsent', data: { contactId, ...body } },
      context,
    );
  }

  @Post(':id/merge')
  @CommandEndpoint('Merge a duplicate contact into the survivor')
  merge(
    @Param('id', RecordIdPipe) contactId: string,
    @Body() body: MergeContactDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<MergeContact>(
      'contact',
      contactId,
      { type: 'MergeContact', data: { contactId, ...body } },
      context,
    );
  }
}
