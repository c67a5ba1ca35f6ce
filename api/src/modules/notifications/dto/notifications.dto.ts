import { ApiProperty } from '@nestjs/swagger';
import type { InboxMessageView, InboxPage, InboxUnreadCount, NotificationTopic } from '@linli/shared';
import { OUTBOX_STATES, type OutboxState } from '../../outbox';
import type { DeadLetterView } from '../dead-letters.service';

export class InboxMessageViewDto implements InboxMessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, description: 'The outbox topic it came from, e.g. booking.reminder' }) topic: NotificationTopic;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() read: boolean;
}

export class InboxPageDto implements InboxPage {
  @ApiProperty({ type: [InboxMessageViewDto], description: 'The latest 100 messages of the last 90 days, newest first' }) items: InboxMessageViewDto[];
  @ApiProperty({ minimum: 0 }) unread: number;
}

export class InboxUnreadCountDto implements InboxUnreadCount {
  @ApiProperty({ minimum: 0 }) unread: number;
}

export class DeadLetterViewDto implements DeadLetterView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() topic: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ minimum: 0 }) attempts: number;
  @ApiProperty({ description: 'Why it was given up on' }) reason: string;
  @ApiProperty({ enum: OUTBOX_STATES }) state: OutboxState;
}

export class DeadLetterListDto {
  @ApiProperty({ type: [DeadLetterViewDto] }) items: DeadLetterViewDto[];
}
