import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CompanyView } from '@citycare/contract';
import Page from '@/components/Page';
import { NotLoaded, NotLoadedPage } from '@/components/StateView';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import CompanyCard from '@/lib/company/CompanyCard';
import PlacePoster from '@/lib/place-poster/PlacePoster';
import './index.css';

const strings = {
  loadError: '无法加载企业登记',
  resubmit: '修改后重新提交',
  waiting: '正在等待区县复工专班审核，审核后这里会显示结果。',
  counts: '门岗每日扫码统计（只统计人数，不含姓名）',
  countsError: '无法加载扫码统计',
  day: '日期',
  scans: '扫码',
  yellow: '黄码',
  red: '红码',
  poster: '门岗场所码',
  posterError: '无法生成门岗场所码',
};

function GateCounts({ companyId }: { companyId: string }) {
  const counts = useApi('companyGateCounts', { params: { companyId } });
  if (!counts.data) return <NotLoaded state={counts} title={strings.countsError} />;
  return (
    <View className="card">
      <Text className="section-title">{strings.counts}</Text>
      <View className="gate-counts__row gate-counts__head">
        <Text>{strings.day}</Text>
        <Text>{strings.scans}</Text>
        <Text>{strings.yellow}</Text>
        <Text>{strings.red}</Text>
      </View>
      {counts.data.days.map((d) => (
        <View className="gate-counts__row" key={d.date}>
          <Text>{d.date.slice(5)}</Text>
          <Text>{d.scans}</Text>
          <Text>{d.yellow}</Text>
          <Text>{d.red}</Text>
        </View>
      ))}
    </View>
  );
}

function GatePoster({ companyId }: { companyId: string }) {
  const code = useApi('companyGateCode', { params: { companyId } });
  if (!code.data) return <NotLoaded state={code} title={strings.posterError} />;
  return (
    <View>
      <Text className="section-title">{strings.poster}</Text>
      <PlacePoster code={code.data} />
    </View>
  );
}

function Approved({ c }: { c: CompanyView }) {
  return (
    <>
      <GatePoster companyId={c.companyId} />
      <GateCounts companyId={c.companyId} />
    </>
  );
}

/** One company: its registration and state; returned: resubmit; approved: the gate poster and daily counts. */
export default function CompanyDetailPage() {
  const { params } = useRouter();
  const companyId = params.companyId ?? '';
  const state = useApi('companyGet', { params: { companyId } });
  useReloadOnReturn(state.reload);
  const c = state.data?.company;
  if (!c) return <NotLoadedPage state={state} title={strings.loadError} />;
  return (
    <Page className="company-detail">
      <CompanyCard c={c} />
      {c.state === 'pending' && <Text className="muted">{strings.waiting}</Text>}
      {c.state === 'returned' && (
        <Button
          className="btn"
          onClick={() => void Taro.navigateTo({ url: `/staff/pages/company-form/index?companyId=${c.companyId}` })}
        >
          {strings.resubmit}
        </Button>
      )}
      {c.state === 'approved' && <Approved c={c} />}
    </Page>
  );
}
