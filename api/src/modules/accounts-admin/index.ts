/**
 * The accounts-admin module's public surface: what other modules may import from it.
 * Admins creating staff accounts and disabling or re-enabling accounts in their subtree.
 * Everything else in this folder is the module's own.
 */
export { AccountsAdminModule } from './accounts-admin.module';
