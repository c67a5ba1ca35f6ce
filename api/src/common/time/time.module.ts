import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/**
 * One Clock for the whole app. Every module injects this one, so a test that stands at another instant
 * (`app.get(Clock)`) moves the time of every rule at once, whatever order the modules were registered in.
 */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class TimeModule {}
