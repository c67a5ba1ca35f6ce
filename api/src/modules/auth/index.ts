/**
 * The auth module's public surface: what other modules may import from it.
 * Signing in, sessions, the guard every request passes, and one-time invitations.
 * Everything else in this folder is the module's own.
 */
export { AuthModule } from './auth.module';
export { AuthRepository } from './auth.repository';
export { DEMO_LOGIN_ACCOUNTS } from './demo-login-accounts';
export type { DemoLoginAccount } from './demo-login-accounts';
export { InvitationCodeDto, SessionAccountDto } from './dto/auth.dto';
export { InvitationService } from './invitation.service';
export { SessionService } from './session.service';
