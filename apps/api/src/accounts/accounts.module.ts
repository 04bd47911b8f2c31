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

/** The accounts: commands (derived from the catalogue) and their DTOs. */
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
  ],
})
export class AccountsModule {}
