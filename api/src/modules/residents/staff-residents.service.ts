import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { normaliseIdNumber, type ResidentProfile } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { NotFoundError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService, type AuditDetails } from '../audit';
import { PersonRecords, type PersonInput } from './person-records';
import { toResidentProfile } from './resident-view';
import { smsNeedsPhone } from './residents.errors';
import { ResidentsRepository, type ResidentWithCommunity } from './residents.repository';

const SEARCH_LIMIT = 50;

/**
 * Staff serve residents of their own region subtree, including elders with no phone whom they register and act
 * for. Every read of a person and every write is audited with the staff member's account.
 */
@Injectable()
export class StaffResidentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly residents: ResidentsRepository,
    private readonly people: PersonRecords,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async search(auth: AuthContext, query: { name?: string; idNumber?: string; phone?: string }): Promise<ResidentProfile[]> {
    const ids = await this.residents.searchInRegion(
      auth.regionPath!,
      {
        namePart: query.name?.trim(),
        idNumberHash: query.idNumber ? this.cipher.lookupHash(normaliseIdNumber(query.idNumber)) : undefined,
        phoneHash: query.phone ? this.cipher.lookupHash(query.phone) : undefined,
      },
      SEARCH_LIMIT,
    );
    const rows = await this.residents.findManyWithCommunity(ids);
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, {
        action: 'resident.searched',
        targetType: 'region',
        targetId: null,
        regionPath: auth.regionPath,
        details: { byName: !!query.name, byIdNumber: !!query.idNumber, byPhone: !!query.phone, results: rows.length },
      }),
    );
    return rows.map((row) => toResidentProfile(row, this.cipher));
  }

  async register(auth: AuthContext, input: PersonInput & { name: string; communityId: string }): Promise<ResidentProfile> {
    const community = await this.residents.findCommunity(input.communityId);
    assertRegionInScope(auth, community?.path, '该社区');
    const id = await this.transactions.write(async (manager) => {
      const residentId = await this.people.create(manager, input, auth.accountId);
      await this.audit.record(manager, auth, {
        action: 'resident.registered_by_staff',
        targetType: 'resident',
        targetId: residentId,
        regionPath: community!.path,
        details: { smsNotifications: input.smsNotifications ?? false },
      });
      return residentId;
    });
    return toResidentProfile((await this.residents.findWithCommunity(id))!, this.cipher);
  }

  async get(auth: AuthContext, residentId: string): Promise<ResidentProfile> {
    const row = await this.inScope(auth, residentId);
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, { action: 'resident.viewed', targetType: 'resident', targetId: residentId, regionPath: row.community!.path }),
    );
    return toResidentProfile(row, this.cipher);
  }

  async update(auth: AuthContext, residentId: string, input: PersonInput & { communityId: string }): Promise<ResidentProfile> {
    const row = await this.inScope(auth, residentId);
    const target = await this.residents.findCommunity(input.communityId);
    assertRegionInScope(auth, target?.path, '该社区');
    // Switching SMS on or off is the consent's trace: who did it, when.
    const details = input.smsNotifications === undefined ? undefined : { smsNotifications: input.smsNotifications };
    return this.editAsStaff(auth, row, (manager) => this.people.update(manager, residentId, input), details);
  }

  /**
   * SMS on or off for a resident registered earlier, without sending the whole record (and the full phone) again:
   * staff at the desk see the phone masked. Audited as the edit's switch is, with its value (the consent's trace).
   */
  async switchSmsNotifications(auth: AuthContext, residentId: string, enabled: boolean): Promise<ResidentProfile> {
    const row = await this.inScope(auth, residentId);
    const change = async (manager: EntityManager) => {
      if (!(await this.residents.switchSmsNotifications(manager, residentId, enabled))) throw smsNeedsPhone();
    };
    return this.editAsStaff(auth, row, change, { smsNotifications: enabled });
  }

  /**
   * Adds or corrects a resident's phone — an elder registered by family without one, a number that changed — without
   * the rest of the record, which staff see masked. Audited as an edit; the number itself stays out of the audit.
   */
  async changePhone(auth: AuthContext, residentId: string, input: { phone: string; phoneOwner: 'self' | 'relative' }): Promise<ResidentProfile> {
    const row = await this.inScope(auth, residentId);
    return this.editAsStaff(auth, row, (manager) => this.people.update(manager, residentId, input), { phoneChanged: true, phoneOwner: input.phoneOwner });
  }

  /** The one place an ID number leaves the API in clear: staff of the resident's region, with an audit record. */
  async revealIdNumber(auth: AuthContext, residentId: string): Promise<{ idNumber: string }> {
    const row = await this.inScope(auth, residentId);
    if (!row.resident.idNumberCipher) throw new NotFoundError('该居民的身份证号');
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, { action: 'resident.id_number_revealed', targetType: 'resident', targetId: residentId, regionPath: row.community!.path }),
    );
    return { idNumber: this.cipher.decrypt(row.resident.idNumberCipher) };
  }

  /** One staff edit of a resident in scope: the change and its audit record in one transaction, then the record. */
  private async editAsStaff(auth: AuthContext, row: ResidentWithCommunity, change: (manager: EntityManager) => Promise<void>, details?: AuditDetails): Promise<ResidentProfile> {
    const residentId = row.resident.id;
    await this.transactions.write(async (manager) => {
      await change(manager);
      await this.audit.record(manager, auth, {
        action: 'resident.updated_by_staff',
        targetType: 'resident',
        targetId: residentId,
        regionPath: row.community!.path,
        ...(details ? { details } : {}),
      });
    });
    return toResidentProfile((await this.residents.findWithCommunity(residentId))!, this.cipher);
  }

  private async inScope(auth: AuthContext, residentId: string): Promise<ResidentWithCommunity> {
    const row = await this.residents.findWithCommunity(residentId);
    assertRegionInScope(auth, row?.community?.path, '该居民');
    return row!;
  }
}
