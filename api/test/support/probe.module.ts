import { Body, Controller, Module, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { Public } from '../../src/common/auth/access-policy';
import { ApiErrorResponses } from '../../src/common/http/api-error-responses';
import { DomainError } from '../../src/common/errors/domain-error';

class ProbeAddress {
  @ApiProperty()
  @IsString()
  @MaxLength(50)
  street: string;
}

class ProbeBody {
  @ApiProperty()
  @IsString()
  @MaxLength(20)
  name: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  count: number;

  @ApiProperty({ type: ProbeAddress })
  @IsObject()
  @ValidateNested()
  @Type(() => ProbeAddress)
  address: ProbeAddress;
}

/**
 * Routes that exist only in tests, to drive the global request pipeline (body parsing, validation, error
 * mapping, access policy) through inputs no product route would let a test reach on purpose. They are documented
 * like product routes, since every response a test receives is checked against the served document.
 */
@Controller('probe')
class ProbeController {
  @Post('echo')
  @Public()
  @ApiCreatedResponse({ type: ProbeBody })
  @ApiErrorResponses('VALIDATION_FAILED', 'MALFORMED_BODY', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  echo(@Body() body: ProbeBody): ProbeBody {
    return body;
  }

  @Post('conflict')
  @Public()
  @ApiErrorResponses('CONFLICT')
  conflict(): never {
    throw new DomainError('CONFLICT', '名额已满', { remaining: 0 });
  }

  @Post('crash')
  @Public()
  @ApiErrorResponses()
  crash(): never {
    throw new Error('SELECT * FROM secret_table -- internal detail');
  }

  @Post('closed')
  @ApiErrorResponses('UNAUTHENTICATED', 'FORBIDDEN')
  closed(): string {
    return 'no policy declared, so nobody may get here';
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
