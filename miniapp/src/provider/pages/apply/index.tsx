import { Text, View } from '@tarojs/components';
import { PROVIDER_KIND_LABELS, PROVIDER_KINDS } from '@linli/shared';
import { useState } from 'react';

import type { ProviderKind, ProviderView } from '@linli/shared';

import { ChoiceGrid } from '../../../components/choice-grid';
import { CommunityPicker } from '../../../components/community-picker';
import { LinkEntry } from '../../../components/link-entry';
import { PageRoot } from '../../../components/page-root';
import { ProviderCard } from '../../../components/provider-card';
import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { ResidentGate } from '../../../components/resident-gate';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import type { TextFieldProps } from '../../../components/text-field';
import { APPLICATION_LIMITS, CREDIT_CODE_LENGTH, useProviderApplication } from '../../hooks/useProviderApplication';
import { ROUTES } from '../../../navigation/routes';

import type { ProviderApplicationHandle } from '../../hooks/useProviderApplication';

import './index.scss';

const KIND_LABELS = PROVIDER_KINDS.map((kind) => PROVIDER_KIND_LABELS[kind]);
const kindOfLabel = (label: string) => PROVIDER_KINDS.find((kind) => PROVIDER_KIND_LABELS[kind] === label) as ProviderKind;

/** What the applicant can do next, under each application. */
function NextStep({ application }: { application: ProviderView }) {
  if (application.status === 'pending') {
    return <Text className='provider-card__line'>社区工作人员正在审核，通过后即可用机构账号登录。</Text>;
  }
  if (application.status === 'active') {
    return (
      <View className='provider-apply__approved'>
        <Text className='provider-card__line'>审核已通过。机构管理员请用申请时设置的登录账号和密码，在“机构登录”中登录，添加服务人员、接单。</Text>
        <LinkEntry className='provider-apply__login' label='机构登录' hint='用登录账号和密码登录' url={ROUTES.staffLogin} />
      </View>
    );
  }
  if (application.status === 'rejected') return <Text className='provider-card__line'>可以按原因修改后，在下面重新申请。</Text>;
  return null;
}

function MyApplications({ handle }: { handle: ProviderApplicationHandle }) {
  const { applications } = handle;
  return (
    <View className='provider-apply__section'>
      <Text className='provider-apply__label'>我的入驻申请</Text>
      <RemoteContent state={applications.state} onRetry={applications.retry} isEmpty={isEmptyList} emptyText='您还没有提交过入驻申请'>
        {(items) =>
          items.map((application) => (
            <ProviderCard key={application.id} provider={application}>
              <NextStep application={application} />
            </ProviderCard>
          ))
        }
      </RemoteContent>
    </View>
  );
}

/** The form's typed fields (the others are tiles and the community picker). */
type TypedField = 'name' | 'contactName' | 'contactPhone' | 'creditCode' | 'adminUsername' | 'adminPassword';

/** BEM class of each input, for tests to type into. */
const INPUT_CLASSES: Record<TypedField, string> = {
  name: 'provider-apply__name',
  contactName: 'provider-apply__contact-name',
  contactPhone: 'provider-apply__contact-phone',
  creditCode: 'provider-apply__credit-code',
  adminUsername: 'provider-apply__username',
  adminPassword: 'provider-apply__password',
};

type FieldProps = { handle: ProviderApplicationHandle; field: TypedField } & Pick<TextFieldProps, 'label' | 'hint' | 'error' | 'type' | 'password' | 'maxlength'>;

/** One typed field of the form, with its value, its message (the check's or the server's) and its input class. */
function ApplicationField({ handle, field, error, ...props }: FieldProps) {
  return (
    <TextField
      {...props}
      value={handle.values[field]}
      onChange={(value) => handle.setField(field, value)}
      error={handle.errors[field] ?? error}
      inputClassName={INPUT_CLASSES[field]}
    />
  );
}

function PasswordField({ handle }: { handle: ProviderApplicationHandle }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      <ApplicationField
        handle={handle}
        field='adminPassword'
        label='登录密码'
        hint={`至少 ${APPLICATION_LIMITS.adminPassword.min} 位，已输入 ${handle.values.adminPassword.length} 位。请记好这个密码`}
        password={!shown}
        maxlength={APPLICATION_LIMITS.adminPassword.max}
      />
      <View className='provider-apply__show-password' ariaRole='switch' onClick={() => setShown(!shown)}>
        <Text>{shown ? '隐藏密码' : '显示密码'}</Text>
      </View>
    </>
  );
}

function ApplicationForm({ handle }: { handle: ProviderApplicationHandle }) {
  const { values, errors, setField, creditCodeCheck, outcome } = handle;
  return (
    <View className='provider-apply__section provider-apply__form'>
      <Text className='provider-apply__label'>服务机构入驻申请</Text>
      <ApplicationField handle={handle} field='name' label='机构名称' hint='与营业执照上的名称一致' maxlength={APPLICATION_LIMITS.name.max} />
      <ChoiceGrid
        label='服务类型'
        options={KIND_LABELS}
        value={values.kind ? PROVIDER_KIND_LABELS[values.kind] : null}
        onChange={(label) => setField('kind', kindOfLabel(label))}
        error={errors.kind}
      />
      <CommunityPicker value={values.community} onChange={(community) => setField('community', community)} error={errors.regionId} />
      <ApplicationField handle={handle} field='contactName' label='联系人姓名' maxlength={APPLICATION_LIMITS.contactName.max} />
      <ApplicationField handle={handle} field='contactPhone' label='联系人手机号' type='number' hint='审核时社区工作人员会打这个电话' maxlength={11} />
      <ApplicationField
        handle={handle}
        field='creditCode'
        label='统一社会信用代码'
        error={creditCodeCheck && !creditCodeCheck.ok ? creditCodeCheck.message : undefined}
        hint={creditCodeCheck?.ok ? `✓ ${creditCodeCheck.message}` : '营业执照上的 18 位代码'}
        maxlength={CREDIT_CODE_LENGTH}
      />
      <ApplicationField handle={handle} field='adminUsername' label='管理员登录账号' hint='审核通过后用它登录。3 到 64 位小写字母或数字，例如 anxin2024' maxlength={64} />
      <PasswordField handle={handle} />
      {outcome.status === 'failed' && <Text className='provider-apply__message'>{outcome.message}</Text>}
      <SubmitButton className='provider-apply__submit' pending={outcome.status === 'pending'} onClick={handle.submit}>
        提交申请
      </SubmitButton>
    </View>
  );
}

function Apply() {
  const handle = useProviderApplication();
  const { outcome } = handle;
  return (
    <>
      {outcome.status === 'done' && <Text className='provider-apply__message provider-apply__message--done'>{outcome.message}</Text>}
      <MyApplications handle={handle} />
      {handle.hasPending ? <Text className='provider-apply__line'>您的申请正在审核中，审核结果出来前不能再次申请。</Text> : <ApplicationForm handle={handle} />}
    </>
  );
}

/** `/provider/pages/apply/index`: a resident applies for their service organisation to join, and follows the review. */
export function ProviderApplyPage() {
  return (
    <PageRoot className='provider-apply'>
      <Text className='provider-apply__title'>服务机构入驻</Text>
      <Text className='provider-apply__line'>家政、维修、养老照护等服务机构可以在这里申请入驻。社区工作人员审核通过后，机构管理员就能登录、安排服务人员接单。</Text>
      <ResidentGate purpose='application' staffHint='入驻申请请用居民微信账号提交；已开通的机构管理员请直接用“机构登录”。'>
        {(account) => <Apply key={account.id} />}
      </ResidentGate>
    </PageRoot>
  );
}

export default ProviderApplyPage;
