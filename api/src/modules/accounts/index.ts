/**
 * The accounts module's public surface: what other modules may import from it.
 * Accounts, their password credentials and WeChat identities, and what a signed-in account is (AccountsService.describe).
 * Everything else in this folder is the module's own.
 */
export { Account } from './account.entity';
export { AccountsModule } from './accounts.module';
export { AccountsRepository } from './accounts.repository';
export { AccountsService } from './accounts.service';
export { PrivacyConsent } from './privacy-consent.entity';
