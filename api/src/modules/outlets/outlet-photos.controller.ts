import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_OUTLET_PHOTO_BYTES, type OutletView } from '@linli/shared';
import { Public, Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { receivePhoto } from '../../common/storage/photo-upload';
import { OutletViewDto } from './dto/outlets.dto';
import { OutletManagementService } from './outlet-management.service';
import { OutletPhotos } from './outlet-photos';

const IMAGE = { schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('staff: outlets')
@Controller()
export class OutletPhotosController {
  constructor(
    private readonly management: OutletManagementService,
    private readonly photos: OutletPhotos,
  ) {}

  @Post('staff/outlets/:outletId/photos')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Add a photo to an outlet of my region (multipart field "photo", JPEG, PNG or WebP, at most 2 MB, at most 6 photos); answers the outlet' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['photo'], properties: { photo: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: OutletViewDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  async upload(@CurrentAuth() auth: AuthContext, @UuidParam('outletId') outletId: string, @Req() request: FastifyRequest): Promise<OutletView> {
    return this.management.addPhoto(auth, outletId, await receivePhoto(request, MAX_OUTLET_PHOTO_BYTES));
  }

  /** Public on purpose: the signed path comes from an outlet's view, and an `<Image>` cannot send a bearer token. */
  @Get('outlet-photos/:reference')
  @Public()
  @ApiTags('outlets')
  @ApiOperation({ summary: 'An outlet photo, by the signed path an outlet view gave (valid for an hour or more)' })
  @ApiOkResponse({ content: { 'image/jpeg': IMAGE, 'image/png': IMAGE, 'image/webp': IMAGE } })
  @ApiErrorResponses('NOT_FOUND')
  async read(@Param('reference') reference: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const photo = await this.photos.read(reference);
    void reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff');
    return photo.bytes;
  }
}
