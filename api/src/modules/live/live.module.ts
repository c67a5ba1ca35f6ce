import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { ResidentsModule } from '../residents';
import { LiveGateway } from './live.gateway';
import { LiveHub } from './live-hub';
import { LiveRepository } from './live.repository';
import { OutboxFollower } from './outbox-follower';
import { RedisLiveBus } from './redis-live-bus';

/** Live updates over a WebSocket (issue 15): offers to workers, order changes to residents, the board to staff. */
@Module({
  imports: [AuthModule, ResidentsModule],
  providers: [LiveRepository, LiveHub, LiveGateway, OutboxFollower, RedisLiveBus],
  exports: [LiveHub, OutboxFollower],
})
export class LiveModule {}
