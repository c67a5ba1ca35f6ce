import { useCallback, useState } from 'react';
import { isMainlandMobile, isValidCreditCode, normaliseCreditCode } from '@linli/shared';

import type { ProviderApplicationInput, ProviderKind, ProviderView } from '@linli/shared';

import type { PickedCommunity } from '../../components/community-picker';
import { ApiError } from '../../services/api-error';
import { fieldErrorsOf } from '../../forms/field-errors';
import { applyAsProvider, fetchMyApplications } from '../../services/providers';
import { conflictField, PROVIDER_MESSAGES } from '../../texts/provider-messages';
import { useRemoteData } from '../../hooks/useRemoteData';

import type { ReportedActionState } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** What the application form holds while being typed in. */
export interface ApplicationValues {
  name: string;
  kind: ProviderKind | null;
  community: PickedCommunity | null;
  contactName: string;
  contactPhone: string;
  creditCode: string;
  adminUsername: string;
  adminPassword: string;
}

/** Messages by field; keys are the API's field names (`regionId` for the community). */
export type ApplicationErrors = Partial<Record<keyof ProviderApplicationInput, string>>;

const APPLICATION_FIELDS: readonly (keyof ProviderApplicationInput)[] = ['name', 'kind', 'regionId', 'contactName', 'contactPhone', 'creditCode', 'adminUsername', 'adminPassword'];

export const EMPTY_APPLICATION: ApplicationValues = {
  name: '',
  kind: null,
  community: null,
  contactName: '',
  contactPhone: '',
  creditCode: '',
  adminUsername: '',
  adminPassword: '',
};

export const APPLICATION_LIMITS = {
  name: { min: 2, max: 80 },
  contactName: { min: 1, max: 32 },
  adminPassword: { min: 10, max: 128 },
} as const;

const ADMIN_USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const CREDIT_CODE_LENGTH = 18;

/** The credit code as typed, checked at once: null while it is empty, else the problem or null when it is right. */
export function creditCodeProblem(raw: string): string | null {
  const code = normaliseCreditCode(raw);
  if (code === '') return '请填写统一社会信用代码（营业执照上的 18 位代码）';
  if (code.length !== CREDIT_CODE_LENGTH) return `统一社会信用代码应为 18 位，现在是 ${code.length} 位`;
  if (!isValidCreditCode(code)) return '统一社会信用代码不正确，请对照营业执照核对';
  return null;
}

/** The same checks the API makes, run first so mistakes show at once. The API stays the judge. */
export function validateApplication(values: ApplicationValues): ApplicationErrors {
  const errors: ApplicationErrors = {};
  const name = values.name.trim();
  if (name.length < APPLICATION_LIMITS.name.min) errors.name = '请填写机构名称（至少 2 个字）';
  else if (name.length > APPLICATION_LIMITS.name.max) errors.name = `机构名称最多 ${APPLICATION_LIMITS.name.max} 个字`;
  if (!values.kind) errors.kind = '请选择服务类型';
  if (!values.community) errors.regionId = '请选择机构主要服务的社区';
  const contactName = values.contactName.trim();
  if (contactName.length < APPLICATION_LIMITS.contactName.min) errors.contactName = '请填写联系人姓名';
  else if (contactName.length > APPLICATION_LIMITS.contactName.max) errors.contactName = `联系人姓名最多 ${APPLICATION_LIMITS.contactName.max} 个字`;
  if (!isMainlandMobile(values.contactPhone.replace(/\s+/g, ''))) errors.contactPhone = '手机号码不正确，应为 11 位数字';
  const creditCode = creditCodeProblem(values.creditCode);
  if (creditCode) errors.creditCode = creditCode;
  if (!ADMIN_USERNAME.test(values.adminUsername)) {
    errors.adminUsername = '登录名需 3 到 64 位，用小写字母、数字，可带 . _ -，以字母或数字开头';
  }
  const password = values.adminPassword.length;
  if (password < APPLICATION_LIMITS.adminPassword.min) errors.adminPassword = `密码至少 ${APPLICATION_LIMITS.adminPassword.min} 位`;
  else if (password > APPLICATION_LIMITS.adminPassword.max) errors.adminPassword = `密码最多 ${APPLICATION_LIMITS.adminPassword.max} 位`;
  return errors;
}

export function toApplicationInput(values: ApplicationValues): ProviderApplicationInput {
  return {
    name: values.name.trim(),
    kind: values.kind!,
    regionId: values.community!.id,
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.replace(/\s+/g, ''),
    creditCode: normaliseCreditCode(values.creditCode),
    adminUsername: values.adminUsername,
    adminPassword: values.adminPassword,
  };
}

/** A login name as it will be stored: lower case, no spaces (so what the applicant sees is what they sign in with). */
function asUsername(typed: string): string {
  return typed.replace(/\s+/g, '').toLowerCase();
}

export interface ProviderApplicationHandle {
  /** The resident's applications, newest first. */
  applications: RemoteDataHandle<ProviderView[]>;
  /** One is waiting for staff: the API takes no second one until it is decided. */
  hasPending: boolean;
  values: ApplicationValues;
  setField: <K extends keyof ApplicationValues>(field: K, value: ApplicationValues[K]) => void;
  errors: ApplicationErrors;
  /** The credit code's own check, shown as soon as 18 characters are typed (before submitting). */
  creditCodeCheck: { ok: boolean; message: string } | null;
  outcome: ReportedActionState;
  submit: () => void;
}

/** How a failed submit reads: messages by field, and one sentence above the button. */
function errorsOf(error: ApiError): { errors: ApplicationErrors; message: string } {
  const field = conflictField(error);
  if (field === 'adminUsername') return { errors: { adminUsername: PROVIDER_MESSAGES.USERNAME_TAKEN }, message: PROVIDER_MESSAGES.FIX_FIELDS };
  if (field === 'application') return { errors: {}, message: PROVIDER_MESSAGES.APPLICATION_PENDING };
  if (error.code === 'NOT_FOUND') return { errors: { regionId: PROVIDER_MESSAGES.REGION_NOT_FOUND }, message: PROVIDER_MESSAGES.FIX_FIELDS };
  const byField = fieldErrorsOf(error);
  const errors: ApplicationErrors = {};
  for (const key of APPLICATION_FIELDS) if (byField[key]) errors[key] = byField[key];
  if (Object.keys(errors).length > 0) return { errors, message: PROVIDER_MESSAGES.FIX_FIELDS };
  // A field this form does not show: the server's own words.
  return { errors, message: Object.values(byField)[0] ?? error.message };
}

/**
 * 服务机构入驻: the resident's applications with their status, and the form to apply. Checked here first so mistakes
 * show beside their field; the server's own answers (a taken login name, a pending application) land there too.
 */
export function useProviderApplication(): ProviderApplicationHandle {
  const applications = useRemoteData(fetchMyApplications);
  const { update, retry } = applications;
  const [values, setValues] = useState<ApplicationValues>(EMPTY_APPLICATION);
  const [errors, setErrors] = useState<ApplicationErrors>({});
  const [outcome, setOutcome] = useState<ReportedActionState>({ status: 'idle' });

  const setField = useCallback(<K extends keyof ApplicationValues>(field: K, value: ApplicationValues[K]) => {
    const next = field === 'adminUsername' ? asUsername(value as string) : value;
    setValues((current) => ({ ...current, [field]: next }));
    // The message was about the old value.
    const apiField = field === 'community' ? 'regionId' : field;
    setErrors((current) => ({ ...current, [apiField]: undefined }));
  }, []);

  const submit = () => {
    if (outcome.status === 'pending') return;
    const found = validateApplication(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setOutcome({ status: 'failed', message: PROVIDER_MESSAGES.FIX_FIELDS });
      return;
    }
    setOutcome({ status: 'pending' });
    applyAsProvider(toApplicationInput(values)).then(
      (created) => {
        update((items) => [created, ...items.filter((item) => item.id !== created.id)]);
        setValues(EMPTY_APPLICATION);
        setOutcome({ status: 'done', message: '已提交，社区工作人员审核后即可使用机构账号登录' });
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        const failed = errorsOf(error);
        setErrors(failed.errors);
        setOutcome({ status: 'failed', message: failed.message });
        // Another device or tab already applied: show that application.
        if (conflictField(error) === 'application') retry();
      },
    );
  };

  const code = normaliseCreditCode(values.creditCode);
  const creditCodeCheck =
    code.length < CREDIT_CODE_LENGTH ? null : isValidCreditCode(code) ? { ok: true, message: '代码格式正确' } : { ok: false, message: creditCodeProblem(code)! };

  return {
    applications,
    hasPending: applications.state.status === 'ready' && applications.state.data.some((item) => item.status === 'pending'),
    values,
    setField,
    errors,
    creditCodeCheck,
    outcome,
    submit,
  };
}
