import { Global, Module } from '@nestjs/common';
import { Idempotency } from './idempotency';

/** Idempotent creation, for every module that takes an `Idempotency-Key`. */
@Global()
@Module({ providers: [Idempotency], exports: [Idempotency] })
export class IdempotencyModule {}
