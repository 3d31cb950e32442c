import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { cityDate, cityDateTime } from '@citycare/contract/src/common';
import type { MyDataResponse } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { FieldError, SubmitButton, useSubmit } from '@/components/form';
import { useApi } from '@/hooks/useApi';
import { saveFile } from '@/lib/save-file';
import Deregister from './Deregister';
import './index.css';

const strings = {
  intro: '这里是营口市民服务保存的您本人和您代办家人的全部信息。',
  generated: '生成时间',
  download: '下载我的数据（JSON 文件）',
  saved: '已保存',
  none: '没有保存任何信息',
  loadError: '无法加载我的数据',
};

const json = (data: MyDataResponse) => JSON.stringify(data, null, 2);

/** 我的 → 我的数据: everything held about me and my family, readable; a JSON download; 注销. */
export default function MyDataPage() {
  const data = useApi('privacyMyData');
  const saving = useSubmit();
  const d = data.data;
  if (!d) return <NotLoadedPage state={data} title={strings.loadError} />;

  const download = () =>
    saving.run(async () => {
      // A cancelled share (weapp) rejects too: it needs no message.
      const saved = await saveFile(json(d), `我的数据-${cityDate(Date.now())}.json`, 'application/json').then(
        () => true,
        () => false,
      );
      if (saved) void Taro.showToast({ title: strings.saved, icon: 'success' });
    });

  return (
    <Page className="data">
      <Text className="muted">{strings.intro}</Text>
      <Text className="muted">
        {strings.generated} {cityDateTime(d.generatedAt)}
      </Text>
      <SubmitButton tone="plain" busy={saving.busy} onClick={download} className="data__download">
        {strings.download}
      </SubmitButton>
      <FieldError>{saving.problem}</FieldError>
      {d.sections.map((s) => (
        <View key={s.service} className="data__section">
          <Text className="section-title">{s.title}</Text>
          {s.records.length === 0 ? (
            <EmptyState title={strings.none} />
          ) : (
            s.records.map((r, i) => (
              <View className="card data__record" key={`${r.title}-${i}`}>
                <Text className="data__record-title">{r.title}</Text>
                {r.fields.map((f) => (
                  <View className="data__field" key={f.label}>
                    <Text className="data__label">{f.label}</Text>
                    <Text className="data__value">{f.value}</Text>
                  </View>
                ))}
              </View>
            ))
          )}
        </View>
      ))}
      <Deregister kept={d.kept} onDone={data.reload} />
    </Page>
  );
}
