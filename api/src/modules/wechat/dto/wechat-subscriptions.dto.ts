import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, ValidateNested } from 'class-validator';
import { SUBSCRIBE_RESULTS, type SubscribeGrantsInput, type SubscribeGrantsView, type SubscribeMoment, type SubscribeResult, type SubscribeTemplatesView } from '@linli/shared';

/*
 * Subscribe-message authorisations: the template ids the mini program asks for, and what the user answered.
 */

// ─── requests ───────────────────────────────────────────────────────────────────────────────────────────────

export class SubscribeResultDto {
  @ApiProperty({ description: 'A template id as requestSubscribeMessage was given it' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  templateId: string;

  @ApiProperty({ enum: SUBSCRIBE_RESULTS, description: 'What requestSubscribeMessage answered for it' })
  @IsIn(SUBSCRIBE_RESULTS)
  result: SubscribeResult;
}

export class SubscribeGrantsDto implements SubscribeGrantsInput {
  @ApiProperty({ type: [SubscribeResultDto], description: 'One entry per template asked for (WeChat asks at most 3 at a time)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique((entry: SubscribeResultDto) => entry.templateId)
  @ValidateNested({ each: true })
  @Type(() => SubscribeResultDto)
  results: SubscribeResultDto[];
}

// ─── responses ──────────────────────────────────────────────────────────────────────────────────────────────

export class SubscribeMomentsDto implements Record<SubscribeMoment, string[]> {
  @ApiProperty({ type: [String], description: 'After a booking: its result and its reminders' }) after_booking: string[];
  @ApiProperty({ type: [String], description: 'After ordering a home service' }) after_home_order: string[];
  @ApiProperty({ type: [String], description: 'After ordering a meal' }) after_meal_order: string[];
  @ApiProperty({ type: [String], description: 'When a worker goes online: new orders' }) worker_online: string[];
  @ApiProperty({ type: [String], description: 'After applying as a provider' }) provider_application: string[];
}

export class SubscribeTemplatesViewDto implements SubscribeTemplatesView {
  @ApiProperty({ type: SubscribeMomentsDto, description: 'Template ids to pass to requestSubscribeMessage at each moment (configured ones only; empty: ask nothing)' })
  moments: SubscribeMomentsDto;
}

export class SubscribeGrantDto {
  @ApiProperty() templateId: string;
  @ApiProperty({ minimum: 0, description: 'Messages of this template the user may still be sent' }) remaining: number;
}

export class SubscribeGrantsViewDto implements SubscribeGrantsView {
  @ApiProperty({ type: [SubscribeGrantDto] }) grants: SubscribeGrantDto[];
}
