import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import {
  ArchiveAccountDto,
  AssignAccountOwnerDto,
  RegisterAccountDto,
  SetAccountCustomFieldDto,
  TagAccountDto,
  UpdateAccountProfileDto,
} from './account.dtos';
import { AccountViewsController } from './account-views.controller';

/** The accounts: commands (derived from the catalogue), their DTOs and the accounts queries. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('account', {
      RegisterAccount: RegisterAccountDto,
      UpdateAccountProfile: UpdateAccountProfileDto,
      AssignAccountOwner: AssignAccountOwnerDto,
      TagAccount: TagAccountDto,
      UntagAccount: null,
      SetAccountCustomField: SetAccountCustomFieldDto,
      ArchiveAccount: ArchiveAccountDto,
    }),
    AccountViewsController,
  ],
})
export class AccountsModule {}
