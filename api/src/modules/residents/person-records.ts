import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { birthDateFromIdNumber, normaliseIdNumber } from '@linli/shared';
import { NotFoundError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import type { Resident } from './resident.entity';
import { ResidentsRepository } from './residents.repository';
import { isDuplicateKey } from '../../database/sql';
import { idNumberTaken } from './residents.errors';

/** Person fields as clients send them: `undefined` leaves a field as it is, `null` clears it. */
export interface PersonInput {
  name?: string;
  idNumber?: string | null;
  address?: string | null;
  communityId?: string | null;
  phone?: string | null;
  phoneOwner?: 'self' | 'relative' | null;
  /** Messages about the person also by SMS to their phone (staff only, with consent); a record without a phone has it off. */
  smsNotifications?: boolean;
}

type ResidentColumns = Partial<Omit<Resident, 'id' | 'community' | 'createdAt' | 'updatedAt'>>;

/** Every personal field of a person record, empty: a new record's starting point and what erasure leaves. */
const NO_PERSONAL_DATA = {
  phoneCipher: null,
  phoneHash: null,
  phoneOwner: null,
  smsNotifications: false,
  idNumberCipher: null,
  idNumberHash: null,
  birthDate: null,
  address: null,
} satisfies ResidentColumns;

/**
 * Writes person records. Every sensitive value is encrypted with a keyed hash beside it; an ID number is unique
 * across all people (enforced by a unique index on its hash), and the birth date is taken from it.
 */
@Injectable()
export class PersonRecords {
  constructor(
    private readonly residents: ResidentsRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async create(manager: EntityManager, input: PersonInput & { name: string }, createdByAccountId: string): Promise<string> {
    const id = randomUUID();
    const columns = await this.columnsFor(manager, input, null);
    await this.guardIdNumber(() =>
      this.residents.insertResident(manager, {
        id,
        name: input.name,
        ...NO_PERSONAL_DATA,
        communityId: null,
        createdByAccountId,
        erasedAt: null,
        ...columns,
      }),
    );
    return id;
  }

  async update(manager: EntityManager, residentId: string, input: PersonInput): Promise<void> {
    const columns = await this.columnsFor(manager, input, residentId);
    if (Object.keys(columns).length) await this.guardIdNumber(() => this.residents.updateResident(manager, residentId, columns));
  }

  /** Erases a person's personal fields (right to erasure); the row stays for the history the law requires. */
  async erase(manager: EntityManager, residentId: string, at: Date): Promise<void> {
    await this.residents.updateResident(manager, residentId, { ...NO_PERSONAL_DATA, name: '已注销用户', erasedAt: at });
  }

  private async columnsFor(manager: EntityManager, input: PersonInput, residentId: string | null): Promise<ResidentColumns> {
    const columns: ResidentColumns = {};
    if (input.name !== undefined) columns.name = input.name.trim();
    if (input.address !== undefined) columns.address = input.address?.trim() || null;
    if (input.communityId !== undefined) {
      if (input.communityId !== null && !(await this.residents.findCommunity(input.communityId))) throw new NotFoundError('该社区', { communityId: input.communityId });
      columns.communityId = input.communityId;
    }
    if (input.idNumber !== undefined) {
      const idNumber = input.idNumber === null ? null : normaliseIdNumber(input.idNumber);
      const hash = idNumber ? this.cipher.lookupHash(idNumber) : null;
      if (hash && (await this.residents.isIdNumberTaken(manager, hash, residentId))) throw idNumberTaken();
      columns.idNumberCipher = idNumber ? this.cipher.encrypt(idNumber) : null;
      columns.idNumberHash = hash;
      columns.birthDate = idNumber ? birthDateFromIdNumber(idNumber) : null;
    }
    if (input.phone !== undefined) {
      columns.phoneCipher = input.phone ? this.cipher.encrypt(input.phone) : null;
      columns.phoneHash = input.phone ? this.cipher.lookupHash(input.phone) : null;
      columns.phoneOwner = input.phone ? (input.phoneOwner ?? 'self') : null;
    }
    // The consent to SMS was given for the number on record: a number changed (by the person, a proxy or staff)
    // switches it off unless the same request says otherwise, and a number cleared always does.
    if (input.smsNotifications !== undefined) columns.smsNotifications = input.smsNotifications;
    else if (input.phone && residentId && (await this.residents.findPhoneHash(manager, residentId)) !== columns.phoneHash) columns.smsNotifications = false;
    if (input.phone === null) columns.smsNotifications = false;
    return columns;
  }

  /** The check above answers the common case politely; the unique index settles a race between two requests. */
  private async guardIdNumber(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isDuplicateKey(error)) throw idNumberTaken();
      throw error;
    }
  }
}
