import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignableWorker, DispatchBoard, ListResponse, ServiceOrderDetail, ServiceOrderView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { DispatchBoardService } from './dispatch-board.service';
import { AssignableWorkerListDto, AssignDto, BoardQueryDto, DispatchBoardDto, ReasonDto, ServiceOrderDetailDto, ServiceOrderViewDto } from './dto/dispatch.dto';

const BASE_ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND'] as const;
const ACTION_ERRORS = [...BASE_ERRORS, 'VALIDATION_FAILED', 'INVALID_TRANSITION'] as const;

@ApiTags('home services: staff dispatch')
@Controller('dispatch')
export class DispatchBoardController {
  constructor(private readonly board: DispatchBoardService) {}

  @Get('board')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Orders of my region waiting for dispatch, offered, escalated, overdue or disputed' })
  @ApiOkResponse({ type: DispatchBoardDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'VALIDATION_FAILED')
  show(@CurrentAuth() auth: AuthContext, @Query() query: BoardQueryDto): Promise<DispatchBoard> {
    return this.board.board(auth, query.centreId ?? null);
  }

  @Get('orders/:orderId')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'An order of my region with its timeline' })
  @ApiOkResponse({ type: ServiceOrderDetailDto })
  @ApiErrorResponses(...BASE_ERRORS)
  detail(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<ServiceOrderDetail> {
    return this.board.detail(auth, orderId);
  }

  @Get('orders/:orderId/candidates')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Workers who could take the order, best first, with why the dispatcher would skip each' })
  @ApiOkResponse({ type: AssignableWorkerListDto })
  @ApiErrorResponses(...BASE_ERRORS)
  async candidates(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<ListResponse<AssignableWorker>> {
    return { items: await this.board.candidates(auth, orderId) };
  }

  @Post('orders/:orderId/assign')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Assign or reassign the order to a worker, with a reason' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...ACTION_ERRORS, 'WORKER_AT_CAPACITY')
  assign(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: AssignDto): Promise<ServiceOrderView> {
    return this.board.assign(auth, orderId, body.workerId, body.reason);
  }

  @Post('orders/:orderId/requeue')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Send an escalated order back to the automatic dispatcher' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...ACTION_ERRORS)
  requeue(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: ReasonDto): Promise<ServiceOrderView> {
    return this.board.requeue(auth, orderId, body.reason);
  }

  @Post('orders/:orderId/cancel')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Cancel an unfinished order, with a reason' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...ACTION_ERRORS)
  cancel(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: ReasonDto): Promise<ServiceOrderView> {
    return this.board.cancel(auth, orderId, body.reason);
  }

  @Post('orders/:orderId/resolve')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Close a complaint with how it was resolved' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...ACTION_ERRORS)
  resolve(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: ReasonDto): Promise<ServiceOrderView> {
    return this.board.resolve(auth, orderId, body.reason);
  }
}
