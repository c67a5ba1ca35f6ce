import type { ProviderStatus } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/*
 * The refusals of signing in and of sessions, each named for the situation it describes. The code decides the HTTP
 * status (common/errors/error-status.ts, the one table); the words are what the person signing in reads.
 */

// ─── every request ──────────────────────────────────────────────────────────────────────────────────────────

export const notSignedIn = () => new DomainError('UNAUTHENTICATED', '请先登录');

export const tokenInvalid = () => new DomainError('TOKEN_INVALID', '登录已失效，请重新登录');

export const roleNotAllowed = () => new DomainError('FORBIDDEN', '没有权限执行此操作');

// ─── signing in ─────────────────────────────────────────────────────────────────────────────────────────────

/** Why a provider's admin or worker may not sign in while their organisation is not active, in words they can act on. */
const PROVIDER_NOT_ACTIVE_MESSAGES: Record<Exclude<ProviderStatus, 'active'>, string> = {
  pending: '机构入驻申请审核中，通过后即可登录',
  rejected: '机构入驻申请未通过，请在小程序中查看原因',
  suspended: '机构已暂停服务，请联系社区工作人员',
};

/** The account is disabled, or (`providerStatus`) its organisation is not active. */
export const accountDisabled = (providerStatus: ProviderStatus | null = null) =>
  new DomainError('ACCOUNT_DISABLED', providerStatus && providerStatus !== 'active' ? PROVIDER_NOT_ACTIVE_MESSAGES[providerStatus] : '账号已停用，请联系管理员');

export const tooManyLoginAttempts = (retryAfterSeconds: number) => new DomainError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试', { retryAfterSeconds });

export const invalidCredentials = (maxFailedLogins: number, lockoutSeconds: number) =>
  new DomainError('INVALID_CREDENTIALS', `账号或密码错误；连续输错 ${maxFailedLogins} 次后需等待 ${Math.ceil(lockoutSeconds / 60)} 分钟再试`);

// ─── sessions ───────────────────────────────────────────────────────────────────────────────────────────────

export type SessionProblem = 'TOKEN_INVALID' | 'REFRESH_TOKEN_REUSED' | 'ACCOUNT_DISABLED';

/** A refresh that cannot go on, by what was wrong with it. */
export function sessionRefused(problem: SessionProblem): DomainError {
  switch (problem) {
    case 'TOKEN_INVALID':
      return tokenInvalid();
    case 'REFRESH_TOKEN_REUSED':
      return new DomainError('REFRESH_TOKEN_REUSED', '登录状态异常，已退出所有设备上的本次登录，请重新登录');
    case 'ACCOUNT_DISABLED':
      return accountDisabled();
  }
}

// ─── invitations ────────────────────────────────────────────────────────────────────────────────────────────

export const invitationInvalid = () => new DomainError('INVITATION_INVALID', '邀请码无效、已使用或已过期');

export const workerAlreadyBound = () => new DomainError('INVITATION_INVALID', '该服务人员已绑定微信');

export const memberAlreadyClaimed = () => new DomainError('INVITATION_INVALID', '该成员已绑定微信');

// ─── the H5 demo login ──────────────────────────────────────────────────────────────────────────────────────

/** With a real WeChat AppID the demo routes answer exactly like routes that do not exist. */
export const demoLoginOff = () => new DomainError('NOT_FOUND', '请求的内容不存在');

export const demoAccountDisabled = () => new DomainError('ACCOUNT_DISABLED', '账号已停用');

export const demoWechatDown = () => new DomainError('WECHAT_UNAVAILABLE', '演示用微信服务未启动');
