import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InvitationCode } from '@linli/shared';
import { AuthRepository, sha256 } from './auth.repository';
import type { Invitation, InvitationKind } from './invitation.entity';
import { invitationInvalid } from './auth.errors';

/** No 0/O, 1/I/L: codes are read aloud and typed by elderly users. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
const VALID_DAYS = 7;

export function normaliseInvitationCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

@Injectable()
export class InvitationService {
  constructor(private readonly auth: AuthRepository) {}

  /** A new one-time code; only its hash is stored, so the plain code is shown once, to the issuer. */
  async issue(manager: EntityManager, kind: InvitationKind, targetId: string, issuedByAccountId: string): Promise<InvitationCode> {
    const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const expiresAt = new Date(Date.now() + VALID_DAYS * 24 * 3600 * 1000);
    await this.auth.addInvitation(manager, { id: randomUUID(), kind, targetId, codeHash: sha256(code), issuedByAccountId, expiresAt });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  async redeem(manager: EntityManager, kind: InvitationKind, code: string): Promise<Invitation> {
    const invitation = await this.auth.redeemInvitation(manager, kind, sha256(normaliseInvitationCode(code)), new Date());
    if (!invitation) throw invitationInvalid();
    return invitation;
  }
}
