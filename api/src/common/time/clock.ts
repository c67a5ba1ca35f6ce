import { Injectable } from '@nestjs/common';

/**
 * The current instant, as one injectable: rules that depend on the date (which year's holidays matter, whether
 * next year's calendar is late) ask it instead of `new Date()`, so a test can stand at 1 December or on
 * New Year's Eve without waiting for it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
