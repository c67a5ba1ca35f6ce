import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HouseholdMember, InvitationCode, ListResponse } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { InvitationCodeDto } from '../auth';
import { AddHouseholdMemberDto, HouseholdMemberDto, HouseholdMemberListDto, UpdateHouseholdMemberDto } from './dto/person.dto';
import { HouseholdService } from './household.service';

const MEMBER_ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'CONSENT_REQUIRED'] as const;

@ApiTags('household')
@Controller('household/members')
@Roles('resident')
export class HouseholdController {
  constructor(private readonly household: HouseholdService) {}

  @Get()
  @ApiOperation({ summary: 'The household members I act for' })
  @ApiOkResponse({ type: HouseholdMemberListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async list(@CurrentAuth() auth: AuthContext): Promise<ListResponse<HouseholdMember>> {
    return { items: await this.household.list(auth) };
  }

  @Post()
  @ApiOperation({ summary: 'Add a household member (e.g. a parent without WeChat) to act for' })
  @ApiCreatedResponse({ type: HouseholdMemberDto })
  @ApiErrorResponses(...MEMBER_ERRORS, 'VALIDATION_FAILED', 'ID_NUMBER_TAKEN', 'CONFLICT')
  add(@CurrentAuth() auth: AuthContext, @Body() body: AddHouseholdMemberDto): Promise<HouseholdMember> {
    return this.household.add(auth, body);
  }

  @Put(':memberId')
  @ApiOperation({ summary: "Edit a household member's details" })
  @ApiOkResponse({ type: HouseholdMemberDto })
  @ApiErrorResponses(...MEMBER_ERRORS, 'VALIDATION_FAILED', 'ID_NUMBER_TAKEN')
  update(@CurrentAuth() auth: AuthContext, @UuidParam('memberId') memberId: string, @Body() body: UpdateHouseholdMemberDto): Promise<HouseholdMember> {
    return this.household.update(auth, memberId, body);
  }

  @Delete(':memberId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop acting for a household member' })
  @ApiNoContentResponse()
  @ApiErrorResponses(...MEMBER_ERRORS, 'VALIDATION_FAILED')
  remove(@CurrentAuth() auth: AuthContext, @UuidParam('memberId') memberId: string): Promise<void> {
    return this.household.remove(auth, memberId);
  }

  @Post(':memberId/invitation')
  @ApiOperation({ summary: 'A one-time code the member uses to link their own WeChat to their record' })
  @ApiCreatedResponse({ type: InvitationCodeDto })
  @ApiErrorResponses(...MEMBER_ERRORS, 'VALIDATION_FAILED', 'CONFLICT')
  invite(@CurrentAuth() auth: AuthContext, @UuidParam('memberId') memberId: string): Promise<InvitationCode> {
    return this.household.invite(auth, memberId);
  }
}
