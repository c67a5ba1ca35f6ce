import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_DISH_PHOTO_BYTES, type DishPhotoView } from '@linli/shared';
import { Public, Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { receivePhoto } from '../../common/storage/photo-upload';
import { DishPhotoDto } from './dto/menus.dto';
import { DishPhotosService } from './dish-photos.service';

const IMAGE = { schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('meals: meal points and menus')
@Controller()
export class DishPhotosController {
  constructor(private readonly photos: DishPhotosService) {}

  @Post('meal-points/:mealPointId/dish-photos')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'Upload a dish photo for this meal point (multipart field "photo", JPEG, PNG or WebP, at most 2 MB); dishes then name it by photoId' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['photo'], properties: { photo: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: DishPhotoDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  async upload(@CurrentAuth() auth: AuthContext, @UuidParam('mealPointId') mealPointId: string, @Req() request: FastifyRequest): Promise<DishPhotoView> {
    return this.photos.upload(auth, mealPointId, await receivePhoto(request, MAX_DISH_PHOTO_BYTES));
  }

  /** Public on purpose: the signed path comes from a menu, and an `<Image>` in the mini program cannot send a bearer token. */
  @Get('dish-photos/:reference')
  @Public()
  @ApiOperation({ summary: 'A dish photo, by the signed path a menu gave (valid for an hour or more)' })
  @ApiOkResponse({ content: { 'image/jpeg': IMAGE, 'image/png': IMAGE, 'image/webp': IMAGE } })
  @ApiErrorResponses('NOT_FOUND')
  async read(@Param('reference') reference: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const photo = await this.photos.read(reference);
    void reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff');
    return photo.bytes;
  }
}
