import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { CompanyView, PreventionPlan } from '@citycare/contract';
import { PLAN_PART_LABELS, PLAN_PARTS } from '@citycare/contract/src/company-labels';
import { CREDIT_CODE_PROBLEM_TEXT, creditCodeProblem } from '@citycare/contract/src/credit-code';
import Page from '@/components/Page';
import { NotLoadedPage } from '@/components/StateView';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { revalidate, useApi } from '@/hooks/useApi';
import { newKey } from '@/lib/route';

const strings = {
  intro: '请如实填写。统一社会信用代码见营业执照，共 18 位。提交后由所在区县复工专班审核。',
  resubmitIntro: '请按退回理由修改后重新提交（统一社会信用代码不能修改）。',
  name: '企业名称',
  creditCode: '统一社会信用代码',
  creditHint: '18 位数字和大写字母，末位为校验位',
  address: '经营地址',
  district: '所在区县',
  workforce: '复工人数',
  planHint: '写清楚怎么做、多久一次',
  submit: '提交审核',
  resubmit: '重新提交',
  working: '正在提交…',
  loadError: '无法加载企业登记',
  need: (what: string) => `请填写${what}`,
  needDistrict: '请选择所在区县',
  badWorkforce: '复工人数应为正整数',
};

type Plan = Record<keyof PreventionPlan, string>;
const EMPTY_PLAN: Plan = { testing: '', disinfection: '', meals: '' };

/** The registration form; with `companyId`, the resubmission of a returned company. */
function CompanyForm({ earlier }: { earlier?: CompanyView }) {
  const districts = useApi('directory', { params: { kind: 'district' } });
  const [name, setName] = useState(earlier?.name ?? '');
  const [creditCode, setCreditCode] = useState(earlier?.creditCode ?? '');
  const [address, setAddress] = useState(earlier?.address ?? '');
  const [district, setDistrict] = useState<string | undefined>(earlier?.district);
  const [workforce, setWorkforce] = useState(earlier ? String(earlier.workforce) : '');
  const [plan, setPlan] = useState<Plan>(earlier?.plan ?? EMPTY_PLAN);
  const submit = useSubmit();
  const attempt = useRef({ key: '', body: '' });
  const code = creditCode.trim().toUpperCase();
  const codeProblem = earlier || code.length < 18 ? null : creditCodeProblem(code);

  const check = () => {
    if (name.trim().length < 2) return strings.need(strings.name);
    if (!earlier) {
      const problem = creditCodeProblem(code);
      if (problem) return CREDIT_CODE_PROBLEM_TEXT[problem];
    }
    if (address.trim().length < 4) return strings.need(strings.address);
    if (!district) return strings.needDistrict;
    if (!/^[1-9]\d{0,5}$/.test(workforce.trim())) return strings.badWorkforce;
    const missing = PLAN_PARTS.find((p) => plan[p].trim().length < 4);
    return missing ? strings.need(PLAN_PART_LABELS[missing]) : '';
  };

  const send = () =>
    submit.run(
      async () => {
        const fields = {
          name: name.trim(),
          address: address.trim(),
          district: district as string,
          workforce: Number(workforce.trim()),
          plan: { testing: plan.testing.trim(), disinfection: plan.disinfection.trim(), meals: plan.meals.trim() },
        };
        let saved: CompanyView;
        if (earlier) {
          const params = { companyId: earlier.companyId };
          saved = (await api('companyResubmit', { params, body: fields, quiet: true })).company;
          revalidate('companyGet', params);
        } else {
          const body = { ...fields, creditCode: code };
          const text = JSON.stringify(body);
          if (attempt.current.body !== text) attempt.current = { key: newKey('company'), body: text };
          saved = (await api('companyRegister', { body, idempotencyKey: attempt.current.key, quiet: true })).company;
        }
        revalidate('companyMine');
        void Taro.redirectTo({ url: `/staff/pages/company-detail/index?companyId=${saved.companyId}` });
      },
      { check },
    );

  const districtOptions = (districts.data?.entries ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <Page className="company-form">
      <Notice>{earlier ? strings.resubmitIntro : strings.intro}</Notice>
      <View className="card">
        <Field label={strings.name} required name="name" value={name} maxlength={60} onChange={setName} />
        {!earlier && (
          <Field
            label={strings.creditCode}
            required
            hint={strings.creditHint}
            name="creditCode"
            value={creditCode}
            maxlength={18}
            error={codeProblem ? CREDIT_CODE_PROBLEM_TEXT[codeProblem] : undefined}
            onChange={setCreditCode}
          />
        )}
        <Field label={strings.address} required name="address" value={address} maxlength={100} onChange={setAddress} />
        <Field label={strings.district} required>
          <Chips
            options={districtOptions}
            value={district}
            onChange={setDistrict}
            chipClassName="company-form__district"
          />
        </Field>
        <Field
          label={strings.workforce}
          required
          name="workforce"
          type="number"
          value={workforce}
          maxlength={6}
          onChange={setWorkforce}
        />
        {PLAN_PARTS.map((p) => (
          <Field
            key={p}
            label={PLAN_PART_LABELS[p]}
            required
            hint={strings.planHint}
            name={`plan-${p}`}
            multiline
            maxlength={300}
            value={plan[p]}
            onChange={(v) => setPlan((old) => ({ ...old, [p]: v }))}
          />
        ))}
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton onClick={send} busy={submit.busy} busyText={strings.working}>
          {earlier ? strings.resubmit : strings.submit}
        </SubmitButton>
      </View>
    </Page>
  );
}

export default function CompanyFormPage() {
  const { params } = useRouter();
  const companyId = params.companyId;
  const earlier = useApi('companyGet', companyId ? { params: { companyId } } : null);
  if (!companyId) return <CompanyForm />;
  if (!earlier.data) return <NotLoadedPage state={earlier} title={strings.loadError} />;
  return <CompanyForm earlier={earlier.data.company} />;
}
