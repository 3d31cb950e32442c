import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PlaceCodeResponse } from '@citycare/contract';
import { placeKindLabel } from '@citycare/contract/src/health-place-code';
import { Chips, Field } from '@/components/form';
import { imageAlt } from '@/lib/a11y';
import { qrDataUri } from '@/lib/health/qr';
import { scopeName } from '@/lib/roles';
import './poster.css';

const strings = {
  title: '场所码',
  how: '进入前请打开「营口市民服务」→ 健康码 → 扫场所码，扫描登记',
  signed: '本码由营口市疫情防控系统签名，伪造无效',
  size: '纸张大小',
  print: '打印海报',
  printHint: '打印时只输出海报本身（不含页面其他内容）。小程序内请截图保存后打印。',
  qrAlt: (name: string) => `${name}的场所码二维码`,
  codeText: '无法扫码时，可复制以下内容粘贴登记',
};

type Size = 'a4' | 'a5';
const SIZES = [
  { value: 'a4' as const, label: 'A4' },
  { value: 'a5' as const, label: 'A5' },
];

/**
 * A place's poster (A4 or A5): its name, kind and area, and the signed QR; on H5 `打印海报`
 * prints the poster alone (poster.css @media print). Shared by the staff poster page and the
 * company page (a company's gate).
 */
export default function PlacePoster({ code }: { code: PlaceCodeResponse }) {
  const [size, setSize] = useState<Size>('a4');
  const { place, token } = code;
  const area = place.community ?? place.district;
  const h5 = process.env.TARO_ENV === 'h5';
  return (
    <View className="poster-tools">
      <Field label={strings.size}>
        <Chips options={SIZES} value={size} onChange={setSize} />
      </Field>
      {h5 && (
        <Button className="btn poster-tools__print" onClick={() => window.print()}>
          {strings.print}
        </Button>
      )}
      <Text className="muted">{strings.printHint}</Text>
      <View className={`poster poster--${size}`}>
        <Text className="poster__title">{strings.title}</Text>
        <Text className="poster__name">{place.name}</Text>
        <Text className="poster__kind">
          {placeKindLabel(place.kind)}
          {area ? ` · ${scopeName(area)}` : ''}
        </Text>
        <View className="poster__qr-wrap">
          <Image
            className="poster__qr"
            src={qrDataUri(token, '#1d2129')}
            mode="aspectFit"
            {...imageAlt(strings.qrAlt(place.name))}
          />
        </View>
        <Text className="poster__how">{strings.how}</Text>
        <Text className="poster__signed">
          {strings.signed} · {place.id}
        </Text>
      </View>
      <View className="card poster-tools__code">
        <Text className="muted">{strings.codeText}</Text>
        <Text className="poster-tools__token" userSelect>
          {token}
        </Text>
      </View>
    </View>
  );
}
