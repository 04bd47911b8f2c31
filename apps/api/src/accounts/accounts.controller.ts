import { CommandContext } from '@crm/application';
import {
  ArchiveAccount,
  AssignAccountOwner,
  RegisterAccount,
  SetAccountCustomField,
  TagAccount,
  UntagAccount,
  UpdateAccountProfile,
} from '@crm/domain';
import { Body, Controller, Delete, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { CustomFieldKeyPipe, TagParamPipe } from '../http/field-rules';
import { newRecordId, RecordIdPipe } from '../http/record-id';
import {
  ArchiveAccountDto,
  AssignAccountOwnerDto,
  RegisterAccountDto,
  SetAccountCustomFieldDto,
  TagAccountDto,
  UpdateAccountProfileDto,
} from './account.dtos';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandEndpoint('Register an account', { creates: true })
  register(
    @Body() { id, ...body }: RegisterAccountDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const accountId = newRecordId(context, id);
    return this.commands.send<RegisterAccount>(
      'account',
      accountId,
      { type: 'RegisterAccount', data: { accountId, ...body } },
      context,
    );
  }

  @Patch(':id')
  @CommandEndpoint("Update an account's profile (fields left out are not touched)")
  update(
    @Param('id', RecordIdPipe) accountId: string,
    @Body() body: UpdateAccountProfileDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<UpdateAccountProfile>(
      'account',
      accountId,
      { type: 'UpdateAccountProfile', data: { accountId, ...body } },
      context,
    );
  }

  @Post(':id/owner')
  @CommandEndpoint('Assign the owner of an account')
  assignOwner(
    @Param('id', RecordIdPipe) accountId: string,
    @Body() body: AssignAccountOwnerDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<AssignAccountOwner>(
      'account',
      accountId,
      { type: 'AssignAccountOwner', data: { accountId, ...body } },
      context,
    );
  }

  @Post(':id/tags')
  @CommandEndpoint('Tag an account')
  tag(
    @Param('id', RecordIdPipe) accountId: string,
    @Body() body: TagAccountDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<TagAccount>(
      'account',
      accountId,
      { type: 'TagAccount', data: { accountId, ...body } },
      context,
    );
  }

  @Delete(':id/tags/:tag')
  @CommandEndpoint('Remove a tag from an account')
  untag(
    @Param('id', RecordIdPipe) accountId: string,
    @Param('tag', TagParamPipe) tag: string,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<UntagAccount>(
      'account',
      accountId,
      { type: 'UntagAccount', data: { accountId, tag } },
      context,
    );
  }

  @Put(':id/custom-fields/:key')
  @CommandEndpoint('Set a custom field of an account')
  setCustomField(
    @Param('id', RecordIdPipe) accountId: string,
    @Param('key', CustomFieldKeyPipe) key: string,
    @Body() { value }: SetAccountCustomFieldDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<SetAccountCustomField>(
      'account',
      accountId,
      { type: 'SetAccountCustomField', data: { accountId, key, value } },
      context,
    );
  }

  @Post(':id/archive')
  @CommandEndpoint('Archive an account')
  archive(
    @Param('id', RecordIdPipe) accountId: string,
    @Body() body: ArchiveAccountDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<ArchiveAccount>(
      'account',
      accountId,
      { type: 'ArchiveAccount', data: { accountId, ...body } },
      context,
    );
  }
}
