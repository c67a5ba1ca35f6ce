import { Body, Controller, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { Public } from '../../src/common/auth/access-policy';
import { DomainError } from '../../src/common/errors/domain-error';

class ProbeAddress {
  @IsString()
  @MaxLength(50)
  street: string;
}

class ProbeBody {
  @IsString()
  @MaxLength(20)
  name: string;

  @IsInt()
  @Min(1)
  count: number;

  @IsObject()
  @ValidateNested()
  @Type(() => ProbeAddress)
  address: ProbeAddress;
}

/**
 * Routes that exist only in tests, to drive the global request pipeline (body parsing, validation, error
 * mapping, access policy) through inputs no product route would let a test reach on purpose.
 */
@Controller('probe')
class ProbeController {
  @Post('echo')
  @Public()
  echo(@Body() body: ProbeBody): ProbeBody {
    return body;
  }

  @Post('conflict')
  @Public()
  conflict(): never {
    throw new DomainError('CONFLICT', '名额已满', { remaining: 0 });
  }

  @Post('crash')
  @Public()
  crash(): never {
    throw new Error('SELECT * FROM secret_table -- internal detail');
  }

  @Post('closed')
  closed(): string {
    return 'no policy declared, so nobody may get here';
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
