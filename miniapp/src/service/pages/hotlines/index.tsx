import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DirectoryEntry } from '@citycare/contract';
import List from '@/components/List';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { Notice } from '@/components/form';
import { useApi } from '@/hooks/useApi';
import { phoneText } from '@/lib/service/format';
import './index.css';

const strings = {
  intro: '点“拨打”直接打电话。遇到危急情况，请立即拨打 120。',
  departments: '部门 24 小时热线',
  experts: '医院专家咨询',
  call: '拨打',
  loadError: '无法加载热线',
  empty: '暂无热线',
};

const GROUPS = [
  { kind: 'department', title: strings.departments },
  { kind: 'expert', title: strings.experts },
] as const;

function call(phone: string) {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}

/** The call button: WeChat's makePhoneCall; in the browser (H5) a real tel: link. */
function CallButton({ phone }: { phone: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className="hotline__call" href={`tel:${phone}`}>
        {strings.call}
      </a>
    );
  }
  return (
    <View className="hotline__call" hoverClass="tap-active" onClick={() => call(phone)}>
      {strings.call}
    </View>
  );
}

function Line({ h }: { h: DirectoryEntry }) {
  const phone = String(h.phone);
  return (
    <View className="row hotline">
      <View className="row__main">
        <Text className="hotline__name">{h.name}</Text>
        <Text className="hotline__phone">{phoneText(phone)}</Text>
        <Text className="muted">{String(h.desc)}</Text>
        <Text className="tag">{String(h.hours)}</Text>
      </View>
      <CallButton phone={phone} />
    </View>
  );
}

/** 热线与专家: the departments' 24-hour lines and the hospitals' expert lines (config/service.yml). */
export default function HotlinesPage() {
  const state = useApi('directory', { params: { kind: 'hotline' } });
  const sorted = state.data?.entries.slice().sort((a, b) => String(a.rank).localeCompare(String(b.rank)));
  return (
    <Page>
      <Notice tone="warn">{strings.intro}</Notice>
      <List
        state={state}
        items={sorted ? GROUPS.filter((g) => sorted.some((h) => h.kind === g.kind)) : undefined}
        title={strings.loadError}
        empty={<EmptyState glyph="话" title={strings.empty} />}
      >
        {(g) => (
          <View key={g.kind}>
            <Text className="section-title">{g.title}</Text>
            <View className="card">
              {sorted
                ?.filter((h) => h.kind === g.kind)
                .map((h) => (
                  <Line key={h.id} h={h} />
                ))}
            </View>
          </View>
        )}
      </List>
    </Page>
  );
}
