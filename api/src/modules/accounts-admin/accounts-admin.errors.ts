import { ConflictError } from '../../common/errors/domain-error';

/* The refusals of account administration; the code decides the HTTP status in the one table in common/errors. */

export const usernameTaken = () => new ConflictError('该登录名已被使用', { field: 'username' });

export const cannotDisableSelf = () => new ConflictError('不能停用自己的账号');
