import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/access-policy';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { OrderPhotosService } from './order-photos.service';

@ApiTags('home services: photos')
@Controller('order-photos')
export class OrderPhotosController {
  constructor(private readonly photos: OrderPhotosService) {}

  /**
   * Public on purpose: the path is a signed, short-lived reference handed only to those who may see the order,
   * because an `<Image>` in the mini program cannot send a bearer token.
   */
  @Get(':reference')
  @Public()
  @ApiOperation({ summary: 'A photo of the work, by the signed path an order view gave (valid for minutes)' })
  @ApiOkResponse({ content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrorResponses('NOT_FOUND')
  async read(@Param('reference') reference: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const photo = await this.photos.read(reference);
    void reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff');
    return photo.bytes;
  }
}
