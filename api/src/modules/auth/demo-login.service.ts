import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { DemoAccount, LoginResponse } from '@linli/shared';
import type { RequestMeta } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Account } from '../accounts';
import { DEMO_LOGIN_ACCOUNTS, type DemoLoginAccount } from './demo-login-accounts';
import { LoginService } from './login.service';
import { demoAccountDisabled, demoLoginOff, demoWechatDown } from './auth.errors';

/**
 * The H5 demo's "pick an account" login. It exists only while no real WeChat AppID is configured: otherwise both
 * routes answer 404 exactly like routes that do not exist. WeChat-identified demo accounts sign in through the
 * real login path: a code is minted at the fake WeChat server and exchanged like any other.
 */
@Injectable()
export class DemoLoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly login: LoginService,
    @Inject(DEMO_LOGIN_ACCOUNTS) private readonly demoAccounts: readonly DemoLoginAccount[],
  ) {}

  async listAccounts(): Promise<DemoAccount[]> {
    this.assertDemoMode();
    const ids = this.demoAccounts.map((demo) => demo.id);
    const present = new Set((await this.dataSource.getRepository(Account).find({ select: { id: true }, where: { id: In(ids), status: 'active' } })).map((a) => a.id));
    return this.demoAccounts
      .filter((demo) => present.has(demo.id))
      .map((demo) => ({
        id: demo.id,
        role: demo.role,
        displayName: demo.displayName,
        description: demo.description,
      }));
  }

  async signIn(accountId: string, meta: RequestMeta): Promise<LoginResponse> {
    this.assertDemoMode();
    const demo = this.demoAccounts.find((candidate) => candidate.id === accountId);
    const account = demo ? await this.dataSource.getRepository(Account).findOne({ where: { id: accountId } }) : null;
    if (!demo || !account) throw new NotFoundError('演示账号');
    if (account.status !== 'active') throw demoAccountDisabled();
    if (demo.openid) return this.login.loginWithWechat(await this.mintFakeWechatCode(demo.openid), meta);
    return this.login.signInWithoutCredential(account, meta);
  }

  private assertDemoMode(): void {
    if (!this.config.wechat.demoMode) throw demoLoginOff();
  }

  private async mintFakeWechatCode(openid: string): Promise<string> {
    try {
      const response = await fetch(`${this.config.wechat.apiBaseUrl}/__fake__/login-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid }),
        signal: AbortSignal.timeout(this.config.wechat.timeoutMs),
      });
      return ((await response.json()) as { code: string }).code;
    } catch {
      throw demoWechatDown();
    }
  }
}
