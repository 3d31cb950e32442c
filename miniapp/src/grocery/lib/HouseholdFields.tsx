import type { Dispatch, SetStateAction } from 'react';
import { Text, View } from '@tarojs/components';
import { Field } from '@/components/form';
import type { Household } from './cart';

const strings = {
  building: '楼号',
  unit: '单元',
  room: '门牌号',
  name: '姓名',
  phone: '手机号',
};

/**
 * The household's address (楼号 单元 门牌号, side by side) and contact, as the checkout and the
 * group-buy pages ask for them. Each field's wrapper is `${prefix}__${name}` (tests fill its input).
 */
export default function HouseholdFields({
  prefix,
  home,
  setHome,
  addressTitle,
  contactTitle,
}: {
  prefix: string;
  home: Household;
  setHome: Dispatch<SetStateAction<Household>>;
  addressTitle: string;
  /** A label above the contact fields; none puts them straight under the address. */
  contactTitle?: string;
}) {
  const field = (name: keyof Household) => (
    <Field
      className={`${prefix}__${name}`}
      value={home[name]}
      type={name === 'phone' ? 'number' : 'text'}
      placeholder={strings[name]}
      onChange={(value) => setHome((h) => ({ ...h, [name]: value }))}
    />
  );
  return (
    <>
      <Text className="card__title">{addressTitle}</Text>
      <View className="field-row">
        {field('building')}
        {field('unit')}
        {field('room')}
      </View>
      {contactTitle && <Text className="card__title">{contactTitle}</Text>}
      {field('name')}
      {field('phone')}
    </>
  );
}
