import { Module } from '@nestjs/common';
import { AccountPreferencesController } from './account-preferences.controller';
import { AccountPreferencesRepository } from './account-preferences.repository';
import { AccountPreferencesService } from './account-preferences.service';

/** An account's own mini-program settings (issue 16: 长辈模式 per account). */
@Module({
  controllers: [AccountPreferencesController],
  providers: [AccountPreferencesService, AccountPreferencesRepository],
  // For residents: the settings go into the account's data export and are forgotten with the account.
  exports: [AccountPreferencesService],
})
export class PreferencesModule {}
