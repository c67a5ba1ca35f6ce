import { ApiProperty } from '@nestjs/swagger';

/** Something a response names: its id and the name to show for it (a service, a centre, a community). */
export class RefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}
