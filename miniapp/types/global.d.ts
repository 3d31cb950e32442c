/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro: the build's NODE_ENV. */
    NODE_ENV: 'development' | 'production';
    /** Set by Taro: the platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** The mini-program's AppID for this stage (.env.<mode>). */
    TARO_APP_ID: string;
    /** Base URL of the CityCare API, without a trailing slash (.env.<mode>, or the caller's env). */
    TARO_APP_API_BASE: string;
    /** Deployment stage: `local` or `prod`. */
    TARO_APP_STAGE: string;
    /**
     * The local WeChat Pay simulator's base URL (H5 builds of stage local only): the simulated
     * cashier confirms payments there. Unset in production builds, where WeChat's own cashier pays.
     */
    TARO_APP_WECHATPAY_SIM?: string;
  }
}
