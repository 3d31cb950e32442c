import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import { AGREE_BUTTON_ID, agreePrivacy } from '@/lib/privacy';

/**
 * 同意: on weapp a button of open-type agreePrivacyAuthorization (WeChat records the agreement and
 * checks the button was tapped before a pending privacy interface goes on); on H5 a plain button.
 */
export default function AgreeButton({ className, children }: { className?: string; children: ReactNode }) {
  const classes = `btn${className ? ` ${className}` : ''}`;
  return process.env.TARO_ENV === 'weapp' ? (
    <Button
      id={AGREE_BUTTON_ID}
      className={classes}
      openType="agreePrivacyAuthorization"
      onAgreePrivacyAuthorization={agreePrivacy}
    >
      {children}
    </Button>
  ) : (
    <Button id={AGREE_BUTTON_ID} className={classes} onClick={agreePrivacy}>
      {children}
    </Button>
  );
}
