import { NotFoundError } from '../../common/errors/domain-error';

/*
 * The refusals of the inbox and the dead letters. The code decides the HTTP status (common/errors/error-status.ts);
 * the words are what the person reads.
 */

export const inboxMessageNotFound = () => new NotFoundError('该消息');

export const deadLetterNotFound = () => new NotFoundError('该失败消息');
