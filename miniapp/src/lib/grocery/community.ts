import Taro from '@tarojs/taro';
import { readStored } from '@/lib/storage';

/** The community the resident last shopped for, remembered across visits (买菜 tab, checkout). */
const COMMUNITY_KEY = 'citycare.grocery.community';

export const getCommunity = (): string => readStored<string>(COMMUNITY_KEY, '');
export const saveCommunity = (id: string) => Taro.setStorageSync(COMMUNITY_KEY, id);
